package io.meridian.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.failover.FailoverKind;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.postgres.harness.LivePlatform;
import io.meridian.postgres.harness.PgCluster;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PhaseResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planned switchover end to end, phase by phase as the failover workflow calls them, while a writer commits with
 * {@code synchronous_commit = remote_apply} to the synchronous standby throughout: every acknowledged write must be
 * on the new primary and its standbys afterwards, and the promotion must report no loss.
 */
class SwitchoverTest {
    private static LivePlatform live;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        live = LivePlatform.start(dir, "switchover", null, "dub1", "fra1", "dub1", "sto1");
    }

    @AfterAll
    static void stop() {
        if (live != null) {
            live.close();
        }
    }

    @Test
    void plannedSwitchoverLosesNothingAcknowledged() throws Exception {
        live.observer().await("cluster streaming", Duration.ofSeconds(20),
                o -> ObservePlatformTest.state(o, "fra1->dub1") == LinkState.STREAMING
                        && ObservePlatformTest.state(o, "fra1->sto1") == LinkState.STREAMING);
        var writer = new Writer();
        var thread = Thread.ofPlatform().name("test-writer").start(writer);
        writer.awaitAcknowledged(200);

        var plan = new FailoverPlan("p-switch", "orders", "fra1", "dub1", FailoverKind.PLANNED_SWITCHOVER, false);
        var results = new EnumMap<ExecutionPhase, PhaseResult>(ExecutionPhase.class);
        long start = System.nanoTime();
        long acknowledgedAtFence = writer.acknowledged.size();
        for (var phase : ExecutionPhase.values()) {
            results.put(phase, live.platform().execute(phase, plan));
        }
        long phasesMillis = (System.nanoTime() - start) / 1_000_000;
        writer.awaitAcknowledged(writer.acknowledged.size() + 200);
        writer.running.set(false);
        thread.join();

        assertThat(results.get(ExecutionPhase.FENCE).detail()).contains("set read-only");
        assertThat(results.get(ExecutionPhase.PROMOTE).lostBytes()).isZero();
        assertThat(results.get(ExecutionPhase.PROMOTE).detail()).contains("nothing lost", "timeline 2");
        assertThat(results.get(ExecutionPhase.REROUTE).detail()).contains("sto1 now follow dub1");
        assertThat(results.get(ExecutionPhase.VERIFY_HEALTH).detail()).contains("canary write", "replayed on sto1");
        assertThat(results.get(ExecutionPhase.CHECK_CONSISTENCY).detail()).contains("RPO 0 bytes");

        var onNewPrimary = ids(live.cluster().superuser(live.cluster().node("dub1")));
        assertThat(onNewPrimary).containsAll(writer.acknowledged);
        live.observer().await("dub1 primary, sto1 following it", Duration.ofSeconds(20),
                o -> ObservePlatformTest.replica(o, "dub1").role() == ReplicaRole.PRIMARY
                        && ObservePlatformTest.replica(o, "dub1").health() == Health.HEALTHY
                        && ObservePlatformTest.state(o, "dub1->sto1") == LinkState.STREAMING
                        && o.lag("dub1->sto1").filter(l -> l.lagBytes() == 0).isPresent());
        assertThat(ids(live.cluster().superuser(live.cluster().node("sto1")))).containsAll(writer.acknowledged);
        assertThat(ObservePlatformTest.replica(live.observer(), "fra1").healthDetail()).contains("fenced");
        System.out.printf("switchover: %d writes acknowledged (%d before fencing), phases took %d ms, writes "
                        + "paused for %d ms at most%n", writer.acknowledged.size(), acknowledgedAtFence, phasesMillis,
                writer.longestGapMillis.get());
    }

    private static Set<Long> ids(Connection c) throws SQLException {
        try (c; var rs = c.createStatement().executeQuery("select id from harness_writes")) {
            var ids = new HashSet<Long>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        }
    }

    /** Commits one row at a time to whichever server is the writable primary, recording what was acknowledged. */
    private static final class Writer implements Runnable {
        final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong longestGapMillis = new AtomicLong();

        @Override
        public void run() {
            long next = 1_000_000;
            long lastAck = System.nanoTime();
            Connection c = null;
            while (running.get()) {
                try {
                    if (c == null) {
                        c = connect();
                    }
                    try (var st = c.prepareStatement("insert into harness_writes values (?, now())")) {
                        st.setLong(1, next);
                        st.executeUpdate();
                    }
                    acknowledged.add(next);
                    long now = System.nanoTime();
                    longestGapMillis.accumulateAndGet((now - lastAck) / 1_000_000, Math::max);
                    lastAck = now;
                } catch (SQLException e) {
                    // Fenced, terminated or not yet promoted: not acknowledged; try again on the primary.
                    close(c);
                    c = null;
                    sleep();
                }
                next++;
            }
            close(c);
        }

        private static Connection connect() throws SQLException {
            var hosts = new ArrayList<String>();
            live.cluster().nodes().forEach(n -> hosts.add("127.0.0.1:" + n.port()));
            var props = new Properties();
            props.setProperty("user", "postgres");
            props.setProperty("password", PgCluster.SUPERUSER_PASSWORD);
            props.setProperty("targetServerType", "primary");
            props.setProperty("connectTimeout", "2");
            props.setProperty("options", "-c synchronous_commit=remote_apply");
            return DriverManager.getConnection("jdbc:postgresql://" + String.join(",", hosts) + "/postgres", props);
        }

        void awaitAcknowledged(long count) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (acknowledged.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + acknowledged.size() + " writes acknowledged");
                }
                Thread.sleep(20);
            }
        }

        private static void close(Connection c) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (SQLException e) {
                // Already broken.
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
