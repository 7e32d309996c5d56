package io.meridian.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.failover.FailoverKind;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.postgres.harness.PgCluster;
import io.meridian.postgres.harness.PlatformFiles;
import io.meridian.postgres.harness.RecordingObserver;
import io.meridian.postgres.platformfile.PlatformFileLoader;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PlatformActionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the primary: detected after the configured missed probes, and failed over only with fencing:
 * refused without a fencing command, attempted and flagged under an override, carried out with a command.
 */
class UnplannedFailoverTest {
    private static PgCluster cluster;
    private static Path dir;

    @BeforeAll
    static void start(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        cluster = PgCluster.start(null, "fra1", "dub1", "sto1");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aKilledPrimaryIsDetectedAndFailedOverOnlyWhenFenced() throws Exception {
        var fenced = dir.resolve("fenced-fra1");
        var withCommand = PlatformFileLoader.load(PlatformFiles.forCluster(cluster, dir, "fenced", null,
                "\"fencingCommand\": [\"/usr/bin/touch\", \"" + dir + "/fenced-{replica}\"]"));
        var without = PlatformFileLoader.load(PlatformFiles.forCluster(cluster, dir, "unfenced", null, ""));
        try (var platform = new PostgresPlatform(withCommand, PlatformFiles.ENVIRONMENT, Clock.systemUTC());
             var bare = new PostgresPlatform(without, PlatformFiles.ENVIRONMENT, Clock.systemUTC())) {
            var observer = new RecordingObserver(platform.topology());
            platform.start(observer);
            bare.start(new RecordingObserver(bare.topology()));
            // The primary observed too: a primary lost before its first observation leaves the loss unknown.
            observer.await("streaming", Duration.ofSeconds(20),
                    o -> ObservePlatformTest.state(o, "fra1->dub1") == LinkState.STREAMING
                            && ObservePlatformTest.replica(o, "fra1").health() == Health.HEALTHY);
            try (var primary = cluster.superuser(cluster.node("fra1"))) {
                ObservePlatformTest.write(primary, 0, 300);
                // Both standbys hold all of it: otherwise the asynchronous one may have received WAL the candidate
                // lacks when the primary dies, and rightly not be repointed (it needs pg_rewind).
                ApprovedSwitchoverTest.await(() -> standbysFlushedAll(primary) == 2);
            }

            long killed = System.nanoTime();
            cluster.kill9(cluster.node("fra1"));
            observer.await("fra1 lost", Duration.ofSeconds(20),
                    o -> ObservePlatformTest.replica(o, "fra1").health() == Health.FAILED);
            long detectionMillis = (System.nanoTime() - killed) / 1_000_000;
            // At least 3: the observer may have counted another miss since it reported the loss.
            assertThat(ObservePlatformTest.replica(observer, "fra1").healthDetail())
                    .containsPattern("lost: [3-9] probes in a row missed")
                    .contains("region eu-central-1, server fra1");

            var plan = new FailoverPlan("p-lost", "orders", "fra1", "dub1", FailoverKind.UNPLANNED_FAILOVER, false);
            assertThatThrownBy(() -> bare.execute(ExecutionPhase.FENCE, plan))
                    .isInstanceOf(PlatformActionException.class)
                    .hasMessageContaining("region eu-central-1, server fra1")
                    .hasMessageContaining("no fencing command is configured");
            var overridden = new FailoverPlan("p-override", "orders", "fra1", "dub1",
                    FailoverKind.UNPLANNED_FAILOVER, true);
            assertThat(bare.execute(ExecutionPhase.FENCE, overridden).detail())
                    .contains("fencing NOT confirmed", "override");

            var results = new java.util.EnumMap<ExecutionPhase, io.meridian.server.platform.PhaseResult>(
                    ExecutionPhase.class);
            for (var phase : ExecutionPhase.values()) {
                results.put(phase, platform.execute(phase, plan));
            }
            assertThat(Files.exists(fenced)).isTrue();
            assertThat(results.get(ExecutionPhase.FENCE).detail()).contains("fencing command succeeded");
            assertThat(results.get(ExecutionPhase.PROMOTE).lostBytes()).isGreaterThanOrEqualTo(0);
            assertThat(results.get(ExecutionPhase.REROUTE).detail()).contains("sto1 now follow dub1",
                    "fra1 stays fenced", "pg_rewind");
            observer.await("dub1 primary with sto1", Duration.ofSeconds(20),
                    o -> ObservePlatformTest.replica(o, "dub1").role() == ReplicaRole.PRIMARY
                            && ObservePlatformTest.state(o, "dub1->sto1") == LinkState.STREAMING);
            assertThat(ObservePlatformTest.replica(observer, "fra1").healthDetail()).startsWith("former primary");
            System.out.printf("kill -9: detected in %d ms; promotion: %s%n", detectionMillis,
                    results.get(ExecutionPhase.PROMOTE).detail());
        }
    }

    private static int standbysFlushedAll(java.sql.Connection primary) {
        try (var st = primary.createStatement(); var rs = st.executeQuery("select count(*) from pg_stat_replication "
                + "where flush_lsn = pg_current_wal_lsn()")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
