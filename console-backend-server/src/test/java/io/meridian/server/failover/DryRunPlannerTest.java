package io.meridian.server.failover;

import static io.meridian.server.failover.FailoverFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.api.v1.DryRunReport;
import io.meridian.api.v1.PolicyCheck;
import io.meridian.api.v1.Verdict;
import io.meridian.model.failover.FailoverKind;
import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.RecoveryTier;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.Topology;
import io.meridian.server.telemetry.TelemetryHub;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DryRunPlannerTest {
    private final TelemetryHub hub = new TelemetryHub(600);
    private final FailoverPolicy policy = new FailoverPolicy(2, Duration.ofHours(1), Duration.ofSeconds(5),
            Duration.ofSeconds(20));
    private final DryRunPlanner planner = new DryRunPlanner(new LagSource(hub, policy.lagFreshness()), policy);

    /**
     * The residency rule per jurisdiction: a standby of a cluster homed under the first label, in a region under
     * the second, may be promoted only where the second carries every residency-bound label of the first.
     */
    @ParameterizedTest(name = "{0} data to a {1} region: {2}")
    @CsvSource({
            "GDPR, GDPR, PASS",
            "GDPR, CCPA, BLOCK",
            "CSL/PIPL, PDP, BLOCK",
            "CSL/PIPL, CSL/PIPL, PASS",
            "PDP, APPI, BLOCK",
            "APPI, APPI, PASS",
            "CCPA, GDPR, PASS",
            "PDPA, LGPD, PASS",
            "LGPD, CCPA, PASS"})
    void dataResidencyPerJurisdiction(String home, String target, String verdict) {
        var topology = twoRegions(home, target);
        var report = plan(topology, "db-b-1", FailoverKind.PLANNED_SWITCHOVER, null);
        assertThat(check(report, DryRunPlanner.DATA_RESIDENCY).getVerdict())
                .isEqualTo(Verdict.valueOf("VERDICT_" + verdict));
        if (verdict.equals("BLOCK")) {
            assertThat(check(report, DryRunPlanner.DATA_RESIDENCY).getReason()).contains(home);
            assertThat(report.getCandidates(0).getEligible()).isFalse();
        }
    }

    @Test
    void residencyIsJudgedFromTheDataHomeNotFromWhereAFailoverMovedThePrimary() {
        var regions = List.of(FailoverFixture.region("virginia", List.of("CCPA"), RecoveryTier.HOT),
                FailoverFixture.region("dublin", List.of("GDPR"), RecoveryTier.HOT),
                FailoverFixture.region("california", List.of("CCPA"), RecoveryTier.HOT));
        var replicas = List.of(FailoverFixture.replica("db-dub-1", "dublin", ReplicaRole.PRIMARY),
                FailoverFixture.replica("db-iad-1", "virginia", ReplicaRole.STANDBY),
                FailoverFixture.replica("db-sfo-1", "california", ReplicaRole.STANDBY));
        var base = FailoverFixture.topology();
        var movedToDublin = new Topology(base.targets(), base.tiers(), regions,
                List.of(new Cluster("orders", "Orders", "virginia", replicas)), List.of());
        var cluster = movedToDublin.clusters().getFirst();
        var report = planner.plan(new DryRunPlanner.Situation(movedToDublin, cluster, replicas.getFirst(),
                FailoverKind.PLANNED_SWITCHOVER, "db-sfo-1", null, T0, null, Optional.of("test"))).report();
        var residency = check(report, DryRunPlanner.DATA_RESIDENCY);
        assertThat(residency.getVerdict()).as("the data goes home to its own laws").isEqualTo(Verdict.VERDICT_PASS);
        assertThat(residency.getReason()).startsWith("data homed in virginia (CCPA)");
        assertThat(report.getCandidatesList()).allMatch(c -> c.getEligible());
    }

    @Test
    void aLagAboveTheTierRpoWarnsAndOnlyAnIncidentCommanderMayOverrideIt() {
        var topology = FailoverFixture.withHealth(FailoverFixture.topology(), "ledger-fra-1", Health.FAILED, "gone",
                T0.plusSeconds(100));
        FailoverFixture.lag(hub, "ledger-fra-2", 75, T0, T0.plusSeconds(100));
        var report = plan(topology, null, FailoverKind.UNPLANNED_FAILOVER, T0.plusSeconds(100));
        var gate = check(report, DryRunPlanner.LAG_GATE);
        assertThat(gate.getVerdict()).isEqualTo(Verdict.VERDICT_WARN);
        assertThat(gate.getReason()).contains("exceeds the HOT tier's RPO of 1 min");
        assertThat(gate.getOverrideRole()).isEqualTo("incident-commander");
    }

    @Test
    void aFrozenLagFigureIsUnknownNeverSmall() {
        var topology = FailoverFixture.withHealth(FailoverFixture.topology(), "ledger-fra-1", Health.FAILED, "gone",
                T0.plusSeconds(100));
        FailoverFixture.lag(hub, "ledger-fra-2", 0.1, T0, T0.plusSeconds(20));
        var report = plan(topology, null, FailoverKind.UNPLANNED_FAILOVER, T0.plusSeconds(100));
        assertThat(report.getDataLossKnown()).isFalse();
        assertThat(check(report, DryRunPlanner.LAG_GATE).getReason()).contains("frozen");
        assertThat(check(report, DryRunPlanner.LAG_GATE).getVerdict()).isEqualTo(Verdict.VERDICT_WARN);
    }

    @Test
    void twoWritersBlockEverything() {
        var base = FailoverFixture.topology();
        var cluster = base.clusters().getFirst();
        var replicas = cluster.replicas().stream().map(r -> r.id().equals("ledger-dub-1")
                ? new Replica(r.id(), r.regionId(), ReplicaRole.PRIMARY, r.health(), "",
                r.healthSince()) : r).toList();
        var topology = new Topology(base.targets(), base.tiers(), base.regions(),
                List.of(cluster.withReplicas(replicas)), base.links());
        var report = plan(topology, "ledger-fra-2", FailoverKind.PLANNED_SWITCHOVER, null);
        assertThat(check(report, DryRunPlanner.SINGLE_WRITER).getVerdict()).isEqualTo(Verdict.VERDICT_BLOCK);
        assertThat(report.getVerdict()).isEqualTo(Verdict.VERDICT_BLOCK);
    }

    @Test
    void aHealthyDirectSynchronousStandbyRanksFirstAndTheReasonSaysWhy() {
        FailoverFixture.lag(hub, "ledger-fra-2", 1.5, T0, T0.plusSeconds(10));
        FailoverFixture.lag(hub, "ledger-dub-1", 0.2, T0, T0.plusSeconds(10));
        var topology = FailoverFixture.topology();
        var report = plan(topology, null, FailoverKind.PLANNED_SWITCHOVER, null);
        assertThat(report.getCandidatesList()).extracting(c -> c.getReplicaId())
                .containsExactly("ledger-fra-2", "ledger-dub-1", "ledger-iad-1");
        assertThat(report.getRankingReason()).startsWith("ledger-fra-2 is first of 2 eligible")
                .contains("synchronous standby");
        var degraded = FailoverFixture.withHealth(topology, "ledger-fra-2", Health.DEGRADED, "CPU saturated",
                T0.plusSeconds(5));
        assertThat(plan(degraded, null, FailoverKind.PLANNED_SWITCHOVER, null).getCandidates(0).getReplicaId())
                .as("a healthy standby beats a degraded synchronous one").isEqualTo("ledger-dub-1");
    }

    private DryRunReport plan(Topology topology, String candidate, FailoverKind kind, Instant failureSeenAt) {
        var cluster = topology.clusters().getFirst();
        var old = cluster.replicas().stream().filter(r -> r.id().equals(cluster.id().equals("ledger")
                ? "ledger-fra-1" : "db-a-1")).findFirst().orElseThrow();
        var now = failureSeenAt == null ? T0.plusSeconds(10) : failureSeenAt.plusSeconds(5);
        return planner.plan(new DryRunPlanner.Situation(topology, cluster, old, kind, candidate, failureSeenAt, now,
                null, Optional.of("test"))).report();
    }

    private static Topology twoRegions(String home, String target) {
        var regions = List.of(FailoverFixture.region("region-a", List.of(home), RecoveryTier.HOT),
                FailoverFixture.region("region-b", List.of(target), RecoveryTier.HOT));
        var replicas = List.of(FailoverFixture.replica("db-a-1", "region-a", ReplicaRole.PRIMARY),
                FailoverFixture.replica("db-b-1", "region-b", ReplicaRole.STANDBY));
        var base = FailoverFixture.topology();
        return new Topology(base.targets(), base.tiers(), regions,
                List.of(new Cluster("db", "DB", "region-a", replicas)), List.of());
    }

    private static PolicyCheck check(DryRunReport report, String rule) {
        return report.getChecksList().stream().filter(c -> c.getRule().equals(rule)).findFirst().orElseThrow();
    }
}
