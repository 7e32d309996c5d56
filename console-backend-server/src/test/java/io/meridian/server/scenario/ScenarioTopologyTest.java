package io.meridian.server.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.GeoLocation;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.RecoveryTier;
import io.meridian.model.topology.Region;
import io.meridian.model.topology.RegionRole;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.TierTargets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTopologyTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** Two regions; the primary of the first cluster is listed after a standby, and the tiers coldest first. */
    private static final Scenario SMALL = new Scenario(1, "small", "Small", "test", "A small platform.",
            new Scenario.Targets(30.0, 0.1, 1.5, 100.0, 99.95, 0.5, 75.0),
            List.of(new Scenario.Tier("WARM", 1800.0, 300.0, null),
                    new Scenario.Tier("HOT", 300.0, 0.0, "synchronous")),
            List.of(new Scenario.RegionSpec("eu-central-1", "EU Frankfurt", "AWS", new Scenario.Location(50.11, 8.68),
                            List.of("GDPR", "MiFID II"), "HOT", "PRIMARY"),
                    new Scenario.RegionSpec("eu-west-1", "EU Dublin", "Azure", new Scenario.Location(53.35, -6.26),
                            List.of("GDPR"), "WARM", "DR")),
            List.of(new Scenario.ClusterSpec("ledger", "Ledger", List.of(
                            new Scenario.ReplicaSpec("ledger-fra-2", "eu-central-1", "STANDBY", "ledger-fra-1", true),
                            new Scenario.ReplicaSpec("ledger-fra-1", "eu-central-1", "PRIMARY", null, null),
                            new Scenario.ReplicaSpec("ledger-dub-1", "eu-west-1", "STANDBY", "ledger-fra-1", null),
                            new Scenario.ReplicaSpec("ledger-dub-2", "eu-west-1", "STANDBY", "ledger-dub-1", false))),
                    new Scenario.ClusterSpec("ref", "Reference data", List.of(
                            new Scenario.ReplicaSpec("ref-dub-1", "eu-west-1", "PRIMARY", null, null)))), null, null);

    @Test
    void theSmallScenarioIsValid() {
        assertThat(ScenarioValidator.problems(SMALL)).isEmpty();
    }

    @Test
    void targetsAndTiersBecomeDurations() {
        var topology = ScenarioTopology.initial(SMALL, NOW);

        var targets = topology.targets();
        assertThat(targets.detection()).isEqualTo(Duration.ofSeconds(30));
        assertThat(targets.lagSloP95()).isEqualTo(Duration.ofMillis(100));
        assertThat(targets.lagBreaker()).isEqualTo(Duration.ofMillis(1500));
        assertThat(targets.clockOffsetMaxMicros()).isEqualTo(100.0);
        assertThat(targets.availabilityPercent()).isEqualTo(99.95);
        assertThat(targets.latencyP50()).isEqualTo(Duration.ofNanos(500_000));
        assertThat(targets.latencyP95()).isEqualTo(Duration.ofMillis(75));
        assertThat(topology.tiers()).containsExactly(
                new TierTargets(RecoveryTier.HOT, Duration.ofMinutes(5), Duration.ZERO, "synchronous"),
                new TierTargets(RecoveryTier.WARM, Duration.ofMinutes(30), Duration.ofMinutes(5), ""));
    }

    @Test
    void regionsKeepTheirOrderAndAttributes() {
        var topology = ScenarioTopology.initial(SMALL, NOW);

        assertThat(topology.regions()).containsExactly(
                new Region("eu-central-1", "EU Frankfurt", "AWS", new GeoLocation(50.11, 8.68),
                        List.of("GDPR", "MiFID II"), RecoveryTier.HOT, RegionRole.PRIMARY),
                new Region("eu-west-1", "EU Dublin", "Azure", new GeoLocation(53.35, -6.26), List.of("GDPR"),
                        RecoveryTier.WARM, RegionRole.DR));
    }

    @Test
    void everyClusterListsItsPrimaryFirstAndEveryReplicaIsHealthy() {
        var topology = ScenarioTopology.initial(SMALL, NOW);

        assertThat(topology.clusters()).extracting(Cluster::id, Cluster::displayName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ledger", "Ledger"),
                        org.assertj.core.groups.Tuple.tuple("ref", "Reference data"));
        var ledger = topology.clusters().getFirst();
        assertThat(ledger.replicas()).containsExactly(
                new Replica("ledger-fra-1", "eu-central-1", ReplicaRole.PRIMARY, Health.HEALTHY, "", NOW),
                new Replica("ledger-fra-2", "eu-central-1", ReplicaRole.STANDBY, Health.HEALTHY, "", NOW),
                new Replica("ledger-dub-1", "eu-west-1", ReplicaRole.STANDBY, Health.HEALTHY, "", NOW),
                new Replica("ledger-dub-2", "eu-west-1", ReplicaRole.STANDBY, Health.HEALTHY, "", NOW));
        assertThat(ledger.primary()).map(Replica::id).contains("ledger-fra-1");
        assertThat(topology.clusters().get(1).replicas()).singleElement()
                .satisfies(r -> assertThat(r.role()).isEqualTo(ReplicaRole.PRIMARY));
        assertThat(topology.regionHealth("eu-central-1")).isEqualTo(Health.HEALTHY);
        assertThat(topology.regionHealth("eu-west-1")).isEqualTo(Health.HEALTHY);
    }

    @Test
    void eachUpstreamBecomesAStreamingLink() {
        var topology = ScenarioTopology.initial(SMALL, NOW);

        assertThat(topology.links()).containsExactly(
                new ReplicationLink("ledger-fra-1->ledger-fra-2", "ledger", "ledger-fra-1", "ledger-fra-2",
                        "eu-central-1", "eu-central-1", true, LinkState.STREAMING),
                new ReplicationLink("ledger-fra-1->ledger-dub-1", "ledger", "ledger-fra-1", "ledger-dub-1",
                        "eu-central-1", "eu-west-1", false, LinkState.STREAMING),
                new ReplicationLink("ledger-dub-1->ledger-dub-2", "ledger", "ledger-dub-1", "ledger-dub-2",
                        "eu-west-1", "eu-west-1", false, LinkState.STREAMING));
        assertThat(topology.links()).extracting(ReplicationLink::crossRegion).containsExactly(false, true, false);
    }
}
