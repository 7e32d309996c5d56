package io.meridian.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.Topology;
import io.meridian.server.scenario.ScenarioTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryModelTest {
    private static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    private static Topology topology(String scenario) throws Exception {
        return ScenarioTopology.initial(ShippedScenarios.load(scenario), T0);
    }

    private static Map<String, TelemetrySample.LinkLag> lags(TelemetryModel.Step step) {
        var lags = new HashMap<String, TelemetrySample.LinkLag>();
        step.samples().stream().filter(s -> s instanceof TelemetrySample.LinkLag)
                .map(TelemetrySample.LinkLag.class::cast).forEach(l -> lags.put(l.linkId(), l));
        return lags;
    }

    @Test
    void theSameSeedGivesTheSameMeasurements() throws Exception {
        var t = topology("phase-7p");
        var a = new TelemetryModel(t, 9, Duration.ofSeconds(1), new Faults());
        var b = new TelemetryModel(t, 9, Duration.ofSeconds(1), new Faults());
        var c = new TelemetryModel(t, 10, Duration.ofSeconds(1), new Faults());
        boolean differs = false;
        for (int i = 0; i < 500; i++) {
            var now = T0.plusSeconds(i);
            var sa = a.step(t, now);
            assertThat(b.step(t, now).samples()).isEqualTo(sa.samples());
            differs |= !c.step(t, now).samples().equals(sa.samples());
        }
        assertThat(differs).isTrue();
    }

    @Test
    void lagGrowsWithTheDistanceBetweenRegions() throws Exception {
        var t = topology("phase-7p");
        var model = new TelemetryModel(t, 1, Duration.ofSeconds(1), new Faults());
        var sum = new HashMap<String, Double>();
        for (int i = 0; i < 600; i++) {
            lags(model.step(t, T0.plusSeconds(i))).forEach((id, l) -> sum.merge(id, l.lagSeconds(), Double::sum));
        }
        double local = t.links().stream().filter(l -> !l.crossRegion()).mapToDouble(l -> sum.get(l.id()))
                .average().orElseThrow();
        double remote = t.links().stream().filter(l -> l.crossRegion()).mapToDouble(l -> sum.get(l.id()))
                .average().orElseThrow();
        assertThat(remote).isGreaterThan(3 * local);
        assertThat(sum.values()).allMatch(v -> v > 0);
    }

    @Test
    void aPartitionedLinkFallsBehindOneSecondPerSecondOpensItsBreakerAndRecovers() throws Exception {
        var t = topology("phase-7p");
        var faults = new Faults();
        var model = new TelemetryModel(t, 1, Duration.ofSeconds(1), faults);
        var link = t.links().stream().filter(l -> l.crossRegion()).findFirst().orElseThrow().id();
        double breaker = t.targets().lagBreaker().toSeconds();
        faults.add(new Faults.Fault(Faults.Kind.PARTITION, link, 1, 0, (long) breaker + 30));
        var during = new ArrayList<TelemetrySample.LinkLag>();
        for (int i = 0; i < breaker + 29; i++) {
            during.add(lags(model.step(t, T0.plusSeconds(i))).get(link));
        }
        assertThat(during.getLast().lagSeconds()).isGreaterThan(breaker);
        assertThat(during.getLast().breakerOpen()).isTrue();
        assertThat(during.getLast().lagSeconds() - during.get(9).lagSeconds())
                .isBetween(during.size() - 10 - 5.0, during.size() - 10 + 25.0);
        var after = new ArrayList<TelemetrySample.LinkLag>();
        for (int i = 0; i < 60; i++) {
            after.add(lags(model.step(t, T0.plusSeconds(100 + i))).get(link));
        }
        // The breaker stays open until the lag is below half the threshold, then closes.
        var firstClosed = after.stream().filter(l -> !l.breakerOpen()).findFirst().orElseThrow();
        assertThat(firstClosed.lagSeconds()).isLessThan(breaker / 2);
        assertThat(after.getLast().lagSeconds()).isLessThan(breaker / 4);
    }

    @Test
    void aLagSpikeRaisesTheLinkByItsMagnitude() throws Exception {
        var t = topology("phase-7p");
        var faults = new Faults();
        var model = new TelemetryModel(t, 1, Duration.ofSeconds(1), faults);
        var link = t.links().getFirst().id();
        for (int i = 0; i < 10; i++) {
            model.step(t, T0.plusSeconds(i));
        }
        faults.add(new Faults.Fault(Faults.Kind.LAG_SPIKE, link, 90, model.tick(), model.tick() + 20));
        TelemetrySample.LinkLag last = null;
        for (int i = 0; i < 10; i++) {
            last = lags(model.step(t, T0.plusSeconds(10 + i))).get(link);
        }
        assertThat(last.lagSeconds()).isBetween(90.0, 120.0);
        assertThat(last.breakerOpen()).isTrue();
    }

    @Test
    void aDisconnectedLinkInTheTopologyFallsBehindToo() throws Exception {
        var t = topology("phase-7p");
        var link = t.links().getFirst();
        var cut = new Topology(t.targets(), t.tiers(), t.regions(), t.clusters(),
                t.links().stream().map(l -> l.id().equals(link.id()) ? l.withState(LinkState.DISCONNECTED) : l)
                        .toList());
        var model = new TelemetryModel(t, 1, Duration.ofSeconds(1), new Faults());
        TelemetrySample.LinkLag last = null;
        for (int i = 0; i < 40; i++) {
            last = lags(model.step(cut, T0.plusSeconds(i))).get(link.id());
        }
        assertThat(last.lagSeconds()).isGreaterThan(35);
    }

    @Test
    void aClockSkewMovesTheReplicasOffsetAndServiceFiguresArePlausible() throws Exception {
        var t = topology("phase-7p");
        var faults = new Faults();
        var model = new TelemetryModel(t, 1, Duration.ofSeconds(1), faults);
        var replica = t.clusters().getFirst().replicas().getFirst().id();
        faults.add(new Faults.Fault(Faults.Kind.CLOCK_SKEW, replica, 25, 0, 100));
        List<TelemetrySample> samples = List.of();
        for (int i = 0; i < 50; i++) {
            samples = model.step(t, T0.plusSeconds(i)).samples();
        }
        var offset = samples.stream().filter(s -> s instanceof TelemetrySample.ClockOffset c
                && c.replicaId().equals(replica)).map(TelemetrySample.ClockOffset.class::cast).findFirst().orElseThrow();
        assertThat(offset.offsetMicros()).isBetween(20.0, 30.0);
        samples.stream().filter(s -> s instanceof TelemetrySample.RegionService)
                .map(TelemetrySample.RegionService.class::cast).forEach(s -> {
                    assertThat(s.availabilityPercent()).isBetween(0.0, 100.0);
                    assertThat(s.latencyP95Millis()).isGreaterThanOrEqualTo(s.latencyP50Millis());
                });
    }

    private static TelemetrySample.RegionService service(TelemetryModel.Step step, String regionId) {
        return step.samples().stream().filter(s -> s instanceof TelemetrySample.RegionService r
                        && r.regionId().equals(regionId)).map(TelemetrySample.RegionService.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void everyRegionReportsBelievableCommitAndRollbackRates() throws Exception {
        var t = topology("phase-7p");
        var model = new TelemetryModel(t, 3, Duration.ofSeconds(1), new Faults());
        var commits = new HashMap<String, Double>();
        var rollbacks = new HashMap<String, Double>();
        int ticks = 600;
        for (int i = 0; i < ticks; i++) {
            var step = model.step(t, T0.plusSeconds(i));
            for (var region : t.regions()) {
                var rates = service(step, region.id()).transactions().orElseThrow();
                assertThat(rates.commitsPerSecond()).isNotNegative();
                assertThat(rates.rollbacksPerSecond()).isNotNegative();
                // Whole transactions per one-second tick.
                assertThat(rates.commitsPerSecond() % 1).isZero();
                commits.merge(region.id(), rates.commitsPerSecond(), Double::sum);
                rollbacks.merge(region.id(), rates.rollbacksPerSecond(), Double::sum);
            }
        }
        for (var region : t.regions()) {
            double meanCommits = commits.get(region.id()) / ticks;
            double rollbackShare = rollbacks.get(region.id()) / (commits.get(region.id()) + rollbacks.get(region.id()));
            assertThat(meanCommits).as(region.id()).isBetween(50.0, 3_000.0);
            assertThat(rollbackShare).as(region.id()).isBetween(0.005, 0.04);
        }
        // Regions differ in size: not one figure copied everywhere.
        assertThat(commits.values().stream().distinct().count()).isEqualTo(t.regions().size());
    }

    @Test
    void aWorkloadShiftSlowsTransactionsAndRollsMoreBack() throws Exception {
        var t = topology("phase-7p");
        var faults = new Faults();
        var model = new TelemetryModel(t, 5, Duration.ofSeconds(1), faults);
        var region = t.regions().getFirst().id();
        double before = 0;
        double beforeRolledBack = 0;
        for (int i = 0; i < 120; i++) {
            var rates = service(model.step(t, T0.plusSeconds(i)), region).transactions().orElseThrow();
            before += rates.commitsPerSecond();
            beforeRolledBack += rates.rollbacksPerSecond();
        }
        faults.add(new Faults.Fault(Faults.Kind.WORKLOAD_SHIFT, region, 2, model.tick(), model.tick() + 1_000));
        double during = 0;
        double duringRolledBack = 0;
        for (int i = 0; i < 120; i++) {
            var rates = service(model.step(t, T0.plusSeconds(120 + i)), region).transactions().orElseThrow();
            during += rates.commitsPerSecond();
            duringRolledBack += rates.rollbacksPerSecond();
        }
        // Closed-loop clients: twice the latency, about half the transactions, a larger share rolled back.
        assertThat(during / before).isBetween(0.35, 0.65);
        assertThat(duringRolledBack / (during + duringRolledBack))
                .isGreaterThan(2 * beforeRolledBack / (before + beforeRolledBack));
    }

    @Test
    void aRegionOutageStopsItsTransactionsAndTheyResumeAfterwards() throws Exception {
        var initial = topology("phase-7p");
        var health = new HealthModel(initial, 11);
        var model = new TelemetryModel(initial, 11, Duration.ofSeconds(1), new Faults());
        var region = "us-east-1";
        var outage = new boolean[] {true};
        TelemetrySample.RegionService last = null;
        TelemetrySample.RegionService other = null;
        for (int i = 0; i < 30; i++) {
            var now = T0.plusSeconds(i + 1);
            // As SimulatedPlatform does for an injected outage: every replica of the region misses its heartbeats.
            health.step(now, link -> false, replica -> outage[0] && replica.regionId().equals(region)
                    ? "region outage (injected)" : null);
            var step = model.step(health.topology(), now);
            last = service(step, region);
            other = service(step, "eu-central-1");
        }
        assertThat(health.topology().replicasIn(region).values()).allSatisfy(replicas ->
                assertThat(replicas).allMatch(r -> r.health() == io.meridian.model.topology.Health.FAILED));
        assertThat(last.transactions()).hasValueSatisfying(rates -> {
            assertThat(rates.commitsPerSecond()).isZero();
            assertThat(rates.rollbacksPerSecond()).isZero();
        });
        assertThat(other.transactions().orElseThrow().commitsPerSecond()).isPositive();
        outage[0] = false;
        for (int i = 30; i < 60; i++) {
            var now = T0.plusSeconds(i + 1);
            health.step(now, link -> false, replica -> null);
            last = service(model.step(health.topology(), now), region);
        }
        assertThat(last.transactions().orElseThrow().commitsPerSecond()).isPositive();
    }

    @Test
    void greatCircleDistancesAreRight() throws Exception {
        var t = topology("phase-7p");
        var frankfurt = t.region("eu-central-1").orElseThrow();
        var virginia = t.region("us-east-1").orElseThrow();
        // Frankfurt to Ashburn is about 6,500 km.
        assertThat(TelemetryModel.greatCircleKm(frankfurt, virginia)).isBetween(6300.0, 6700.0);
    }
}
