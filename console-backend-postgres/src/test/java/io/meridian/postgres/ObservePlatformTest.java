package io.meridian.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.audit.AuditAction;
import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.failover.FailoverKind;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.postgres.harness.LivePlatform;
import io.meridian.postgres.harness.RecordingObserver;
import io.meridian.server.audit.EntryDraft;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PlatformActionException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Observation of a real primary with a synchronous and an asynchronous standby: roles, links, lag in bytes and
 * time, clocks, workload and audited statements; then a stopped standby and, last, a split brain.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservePlatformTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static LivePlatform live;
    private static final List<EntryDraft> audited = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        live = LivePlatform.start(dir, "observe", p -> p.auditSource().start(audited::addAll), "dub1",
                "fra1", "dub1", "sto1");
    }

    @AfterAll
    static void stop() {
        if (live != null) {
            live.close();
        }
    }

    @Test
    @Order(1)
    void discoversTheTopologyWithItsRoles() throws Exception {
        live.observer().await("primary and two streaming standbys", WAIT,
                o -> replica(o, "fra1").health() == Health.HEALTHY
                && replica(o, "dub1").health() == Health.HEALTHY && replica(o, "sto1").health() == Health.HEALTHY
                && state(o, "fra1->dub1") == LinkState.STREAMING && state(o, "fra1->sto1") == LinkState.STREAMING);
        var topology = live.observer().topology();
        // The session shows LIVE with this name where the simulator shows SIMULATED.
        assertThat(live.platform().info().simulated()).isFalse();
        assertThat(live.platform().info().kind()).isEqualTo("postgres");
        assertThat(live.platform().info().displayName()).isEqualTo("PostgreSQL · Test platform observe");
        assertThat(replica(live.observer(), "fra1").role()).isEqualTo(ReplicaRole.PRIMARY);
        assertThat(replica(live.observer(), "dub1").role()).isEqualTo(ReplicaRole.STANDBY);
        assertThat(replica(live.observer(), "sto1").role()).isEqualTo(ReplicaRole.STANDBY);
        assertThat(link(topology.links(), "fra1->dub1").synchronous()).isTrue();
        assertThat(link(topology.links(), "fra1->sto1").synchronous()).isFalse();
        assertThat(replica(live.observer(), "dub1").healthDetail()).contains("PostgreSQL 15", "streaming from fra1");
        var clock = live.observer().clock("dub1").orElseThrow();
        // Same host, same clock: the offset is within the round trip that bounds it (plus scheduling noise).
        assertThat(clock.uncertaintyMicros()).isPositive();
        assertThat(Math.abs(clock.offsetMicros())).isLessThan(clock.uncertaintyMicros() + 20_000);
    }

    @Test
    @Order(2)
    void byteLagRisesUnderWritesAndReturnsToZero() throws Exception {
        try (var standby = live.cluster().superuser(live.cluster().node("sto1"));
             var primary = live.cluster().superuser(live.cluster().node("fra1"))) {
            // Replay paused on the asynchronous standby: it receives the writes but does not apply them.
            standby.createStatement().execute("select pg_wal_replay_pause()");
            write(primary, 0, 2000);
            live.observer().await("byte lag on fra1->sto1", WAIT, o -> o.lag("fra1->sto1")
                    .filter(l -> l.lagBytes() > 100_000 && l.lagSeconds() > 0).isPresent());
            standby.createStatement().execute("select pg_wal_replay_resume()");
            live.observer().await("fra1->sto1 caught up", WAIT, o -> o.lag("fra1->sto1")
                    .filter(l -> l.lagBytes() == 0 && l.lagSeconds() == 0 && !l.breakerOpen()).isPresent());
        }
        // Idle and caught up stays caught up: no stale time from the last measured lag.
        Thread.sleep(1500);
        var idle = live.observer().lag("fra1->sto1").orElseThrow();
        assertThat(idle.lagBytes()).isZero();
        assertThat(idle.lagSeconds()).isZero();
    }

    @Test
    @Order(3)
    void reportsWorkloadAndAuditsStatements() throws Exception {
        try (var primary = live.cluster().superuser(live.cluster().node("fra1"))) {
            write(primary, 10_000, 200);
        }
        live.observer().await("workload from eu-central-1", WAIT, o -> !o.workload("eu-central-1").isEmpty());
        assertThat(live.observer().workload("eu-central-1")).allMatch(v -> v >= 0);
        live.observer().await("service level with statement latency", WAIT, o -> o.service("eu-central-1")
                .filter(s -> s.latencyP95Millis() > 0).isPresent());
        var service = live.observer().service("eu-central-1").orElseThrow();
        assertThat(service.availabilityPercent()).isEqualTo(100.0);
        assertThat(service.latencyP50Millis()).isLessThanOrEqualTo(service.latencyP95Millis());
        var deadline = System.nanoTime() + WAIT.toNanos();
        while (audited.stream().noneMatch(d -> d.outcomeDetail().contains("200 call(s)"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(audited).anySatisfy(d -> {
            assertThat(d.action()).isEqualTo(AuditAction.QUERY_EXECUTED);
            assertThat(d.region()).isEqualTo("eu-central-1");
            assertThat(d.outcomeDetail()).contains("200 call(s) since the last sample");
        });
        assertThat(audited.stream().map(EntryDraft::queryId).distinct().count()).isEqualTo(audited.size());
    }

    @Test
    @Order(4)
    void aStoppedStandbyShowsABrokenStaleLink() throws Exception {
        live.cluster().stop(live.cluster().node("sto1"));
        try (var primary = live.cluster().superuser(live.cluster().node("fra1"))) {
            write(primary, 20_000, 500);
        }
        live.observer().await("sto1 lost and its link broken", WAIT, o -> replica(o, "sto1").health() == Health.FAILED
                && state(o, "fra1->sto1") == LinkState.DISCONNECTED
                && o.lag("fra1->sto1").filter(l -> l.breakerOpen() && l.lagBytes() > 0 && l.lagSeconds() > 0)
                .isPresent());
        assertThat(replica(live.observer(), "sto1").healthDetail()).contains("lost", "region eu-north-1, server sto1",
                "connection refused");
        // Its slot on the primary now holds WAL back, and says so.
        live.observer().await("inactive slot reported", WAIT, o -> replica(o, "fra1").healthDetail().contains("sto1"));
        // The other region is unaffected.
        assertThat(replica(live.observer(), "dub1").health()).isEqualTo(Health.HEALTHY);
        live.cluster().start(live.cluster().node("sto1"));
        live.observer().await("sto1 streaming again", WAIT, o -> state(o, "fra1->sto1") == LinkState.STREAMING
                && replica(o, "sto1").health() == Health.HEALTHY);
    }

    @Test
    @Order(5)
    void splitBrainIsCriticalAndBlocksEveryActionButFencing() throws Exception {
        try (var standby = live.cluster().superuser(live.cluster().node("sto1"))) {
            standby.createStatement().execute("select pg_promote(true, 30)");
        }
        live.observer().await("split brain", WAIT, o -> replica(o, "fra1").healthDetail().startsWith("SPLIT BRAIN")
                && replica(o, "sto1").healthDetail().startsWith("SPLIT BRAIN"));
        assertThat(replica(live.observer(), "sto1").health()).isEqualTo(Health.FAILED);
        var plan = new FailoverPlan("p-split", "orders", "fra1", "dub1", FailoverKind.PLANNED_SWITCHOVER, false);
        assertThatThrownBy(() -> live.platform().execute(ExecutionPhase.PROMOTE, plan))
                .isInstanceOf(PlatformActionException.class).hasMessageContaining("SPLIT BRAIN")
                .hasMessageContaining("fra1").hasMessageContaining("sto1");
    }

    static void write(java.sql.Connection c, int from, int rows) throws SQLException {
        c.setAutoCommit(true);
        try (var st = c.prepareStatement("insert into harness_writes values (?, now())")) {
            for (int i = 0; i < rows; i++) {
                st.setLong(1, from + i);
                st.executeUpdate();
            }
        }
    }

    static Replica replica(RecordingObserver o, String id) {
        return o.topology().clusters().stream().flatMap(c -> c.replicas().stream()).filter(r -> r.id().equals(id))
                .findFirst().orElseThrow();
    }

    static LinkState state(RecordingObserver o, String linkId) {
        return o.topology().links().stream().filter(l -> l.id().equals(linkId)).map(ReplicationLink::state)
                .findFirst().orElse(null);
    }

    static ReplicationLink link(List<ReplicationLink> links, String id) {
        return links.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }
}
