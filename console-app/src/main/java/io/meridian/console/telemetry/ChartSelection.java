package io.meridian.console.telemetry;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the charts show: the links of one map arc, or one region. It turns itself into chart panels: which keys and
 * channels to plot, and the target lines to draw over them.
 */
public sealed interface ChartSelection {
    /** "Lag eu-west → us-east", "Region eu-west". */
    String title();

    /** The charts of this selection; {@code store} gives current figures such as the drift test's alpha. */
    List<ChartPanel> panels(Topology topology, TelemetryStore store);

    /** The links from one region to another (one map arc). */
    record Arc(String sourceRegionId, String targetRegionId) implements ChartSelection {
        @Override
        public String title() {
            return "Replication lag " + sourceRegionId + " → " + targetRegionId;
        }

        @Override
        public List<ChartPanel> panels(Topology topology, TelemetryStore store) {
            var series = topology.links().stream()
                    .filter(l -> l.sourceRegionId().equals(sourceRegionId) && l.targetRegionId().equals(targetRegionId))
                    .map(l -> new ChartPanel.Series(TelemetrySample.LinkLag.keyOf(l.id()), Channels.LAG_SECONDS,
                            l.id().replace("->", " → ")))
                    .toList();
            var t = topology.targets();
            return List.of(new ChartPanel("Replication lag", "s", series, List.of(
                    new ChartPanel.Marker(seconds(t.lagSloP95()), "SLO p95 " + t.lagSloP95().toSeconds() + " s"),
                    new ChartPanel.Marker(seconds(t.lagBreaker()), "breaker " + t.lagBreaker().toSeconds() + " s"))));
        }
    }

    /** One region: its replicas' clock offsets and its workload drift test. */
    record Region(String regionId) implements ChartSelection {
        @Override
        public String title() {
            return "Region " + regionId;
        }

        @Override
        public List<ChartPanel> panels(Topology topology, TelemetryStore store) {
            var clocks = new ArrayList<ChartPanel.Series>();
            topology.replicasIn(regionId).values().forEach(replicas -> replicas.forEach(r -> clocks.add(
                    new ChartPanel.Series(TelemetrySample.ClockOffset.keyOf(r.id()), Channels.CLOCK_OFFSET, r.id()))));
            double max = topology.targets().clockOffsetMaxMicros();
            var drift = TelemetrySample.RegionDrift.keyOf(regionId);
            var alpha = store.latest(drift).map(f -> ((TelemetrySample.RegionDrift) f.sample()).alpha())
                    .map(a -> List.of(new ChartPanel.Marker(a, "α " + a))).orElse(List.of());
            return List.of(
                    new ChartPanel("Clock offset", "µs", clocks, List.of(
                            new ChartPanel.Marker(max, "max +" + max + " µs"),
                            new ChartPanel.Marker(-max, "max −" + max + " µs"))),
                    new ChartPanel("KS statistic D", "", List.of(
                            new ChartPanel.Series(drift, Channels.DRIFT_STATISTIC, "D " + regionId)), List.of()),
                    new ChartPanel("KS p-value", "", List.of(
                            new ChartPanel.Series(drift, Channels.DRIFT_P_VALUE, "p " + regionId)), alpha));
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
