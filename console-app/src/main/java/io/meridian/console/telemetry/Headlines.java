package io.meridian.console.telemetry;

import io.meridian.console.topology.Freshness;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.PlatformTargets;
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The six headline figures of the tiles, computed from the current figures: worst link lag, links breaching the SLO,
 * regions healthy, worst clock offset, regions drifting, worst availability. A headline is stale when any figure it
 * summarises is stale or missing, or the stream is down: a worst-of figure cannot be trusted with a silent member.
 */
final class Headlines {
    static final String WORST_LAG = "worst-lag";
    static final String LINKS_BREACHING = "links-breaching";
    static final String REGIONS_HEALTHY = "regions-healthy";
    static final String WORST_CLOCK = "worst-clock";
    static final String REGIONS_DRIFTING = "regions-drifting";
    static final String WORST_AVAILABILITY = "worst-availability";

    private final Topology topology;
    private final Map<String, Figure> figures;
    private final Instant now;
    private final boolean live;
    private final PlatformTargets targets;

    private Headlines(Topology topology, Map<String, Figure> figures, Instant now, boolean live) {
        this.topology = topology;
        this.figures = figures;
        this.now = now;
        this.live = live;
        this.targets = topology.targets();
    }

    /** {@code topologyFreshness} says whether the topology itself (for region health) is current. */
    static List<TileFigure> of(Topology topology, Map<String, Figure> figures, Instant now, boolean live,
                               Freshness topologyFreshness) {
        var h = new Headlines(topology, figures, now, live);
        return List.of(h.worstLag(), h.linksBreaching(), h.regionsHealthy(topologyFreshness), h.worstClock(),
                h.regionsDrifting(), h.worstAvailability());
    }

    /** The current figures of some keys, and whether any of them is missing or stale. */
    private record Gathered<T>(List<T> samples, boolean stale, Duration oldest) {}

    private <T extends TelemetrySample> Gathered<T> gather(List<String> keys, Class<T> type) {
        var samples = new ArrayList<T>();
        boolean stale = !live;
        var oldest = Duration.ZERO;
        for (var key : keys) {
            var figure = figures.get(key);
            if (figure == null) {
                stale = true;
                continue;
            }
            samples.add(type.cast(figure.sample()));
            stale |= figure.stale(now);
            oldest = figure.age(now).compareTo(oldest) > 0 ? figure.age(now) : oldest;
        }
        return new Gathered<>(samples, stale, oldest);
    }

    private Gathered<TelemetrySample.LinkLag> lags() {
        return gather(topology.links().stream().map(l -> TelemetrySample.LinkLag.keyOf(l.id())).toList(),
                TelemetrySample.LinkLag.class);
    }

    private String lagTargets() {
        return "SLO p95 < " + seconds(targets.lagSloP95()) + " · breaker " + seconds(targets.lagBreaker());
    }

    private TileFigure worstLag() {
        var lags = lags();
        var worst = lags.samples().stream().max(Comparator
                .comparing((TelemetrySample.LinkLag l) -> LagLevel.of(l, targets))
                .thenComparingDouble(TelemetrySample.LinkLag::lagSeconds));
        var state = worst.map(l -> switch (LagLevel.of(l, targets)) {
            case OK -> TileFigure.State.OK;
            case NEAR -> TileFigure.State.WARNING;
            case BREACH, BREAKER_OPEN -> TileFigure.State.ALERT;
        }).orElse(TileFigure.State.NO_DATA);
        var detail = worst.map(l -> arrow(l.linkId()))
                .orElse("no lag figures yet");
        boolean millis = LagText.inMillis(targets.lagSloP95().toNanos() / 1e9);
        return tile(WORST_LAG, "Worst replication lag",
                worst.map(l -> millis ? l.lagSeconds() * 1000 : l.lagSeconds()), millis ? 0 : 1, millis ? "ms" : "s",
                lagTargets(), detail, state, lags);
    }

    private TileFigure linksBreaching() {
        var lags = lags();
        long breaching = lags.samples().stream().filter(l -> LagLevel.of(l, targets).compareTo(LagLevel.BREACH) >= 0)
                .count();
        long breakers = lags.samples().stream().filter(TelemetrySample.LinkLag::breakerOpen).count();
        var state = lags.samples().isEmpty() ? TileFigure.State.NO_DATA
                : breaching > 0 ? TileFigure.State.ALERT : TileFigure.State.OK;
        var detail = breakers > 0 ? breakers + " breaker" + (breakers == 1 ? "" : "s") + " open"
                : breaching > 0 ? "over the lag SLO" : "all links within SLO";
        return tile(LINKS_BREACHING, "Links breaching lag SLO",
                lags.samples().isEmpty() ? Optional.empty() : Optional.of((double) breaching), 0,
                "of " + topology.links().size(), "target 0 · SLO " + seconds(targets.lagSloP95()), detail, state,
                lags);
    }

    private TileFigure regionsHealthy(Freshness topologyFreshness) {
        var regions = topology.regions();
        long healthy = regions.stream().filter(r -> topology.regionHealth(r.id()) == Health.HEALTHY).count();
        boolean failed = regions.stream().anyMatch(r -> topology.regionHealth(r.id()) == Health.FAILED);
        var state = healthy == regions.size() ? TileFigure.State.OK
                : failed ? TileFigure.State.ALERT : TileFigure.State.WARNING;
        var unhealthy = regions.stream().filter(r -> topology.regionHealth(r.id()) != Health.HEALTHY)
                .map(r -> r.id()).toList();
        return new TileFigure(REGIONS_HEALTHY, "Regions healthy", healthy, 0, "of " + regions.size(),
                "target: all " + regions.size(), unhealthy.isEmpty() ? "every replica healthy"
                : "not healthy: " + String.join(", ", unhealthy),
                state, topologyFreshness.stale(), Ages.stale(topologyFreshness.age(), true));
    }

    private TileFigure worstClock() {
        var keys = topology.clusters().stream().flatMap(c -> c.replicas().stream())
                .map(r -> TelemetrySample.ClockOffset.keyOf(r.id())).toList();
        var clocks = gather(keys, TelemetrySample.ClockOffset.class);
        var worst = clocks.samples().stream().max(Comparator.comparingDouble(c -> Math.abs(c.offsetMicros())));
        double max = targets.clockOffsetMaxMicros();
        var state = worst.map(c -> Math.abs(c.offsetMicros()) > max ? TileFigure.State.ALERT
                : Math.abs(c.offsetMicros()) > AlertRules.CLOCK_WARN_FACTOR * max ? TileFigure.State.WARNING
                : TileFigure.State.OK).orElse(TileFigure.State.NO_DATA);
        var detail = worst.map(c -> c.replicaId() + " · " + clocks.samples().size() + " of " + keys.size()
                + " reporting").orElse("no clock figures yet");
        return tile(WORST_CLOCK, "Worst clock offset", worst.map(c -> Math.abs(c.offsetMicros())), 2, "µs",
                "max " + number(max) + " µs · warn at " + number(AlertRules.CLOCK_WARN_FACTOR * max), detail,
                state, clocks);
    }

    private TileFigure regionsDrifting() {
        var drifts = gather(topology.regions().stream().map(r -> TelemetrySample.RegionDrift.keyOf(r.id())).toList(),
                TelemetrySample.RegionDrift.class);
        var drifting = drifts.samples().stream().filter(TelemetrySample.RegionDrift::drifted)
                .map(TelemetrySample.RegionDrift::regionId).toList();
        var alpha = drifts.samples().stream().mapToDouble(TelemetrySample.RegionDrift::alpha).findFirst();
        var state = drifts.samples().isEmpty() ? TileFigure.State.NO_DATA
                : drifting.isEmpty() ? TileFigure.State.OK : TileFigure.State.WARNING;
        return tile(REGIONS_DRIFTING, "Regions with workload drift (KS)",
                drifts.samples().isEmpty() ? Optional.empty()
                        : Optional.of((double) drifting.size()), 0, "of " + topology.regions().size(),
                "target 0 · KS test" + (alpha.isPresent() ? " α = " + alpha.getAsDouble() : ""),
                drifting.isEmpty() ? "no region drifting" : String.join(", ", drifting), state, drifts);
    }

    private TileFigure worstAvailability() {
        var services = gather(topology.regions().stream().map(r -> TelemetrySample.RegionService.keyOf(r.id()))
                .toList(), TelemetrySample.RegionService.class);
        var worst = services.samples().stream()
                .min(Comparator.comparingDouble(TelemetrySample.RegionService::availabilityPercent));
        double sla = targets.availabilityPercent();
        var state = worst.map(s -> s.availabilityPercent() < sla ? TileFigure.State.ALERT : TileFigure.State.OK)
                .orElse(TileFigure.State.NO_DATA);
        return tile(WORST_AVAILABILITY, "Worst availability", worst.map(
                        TelemetrySample.RegionService::availabilityPercent), 3, "%",
                "SLA ≥ " + sla + " %", worst.map(s -> s.regionId() + " · last " + Freshness.describe(s.window()))
                        .orElse("no service figures yet"), state, services);
    }

    private TileFigure tile(String id, String title, Optional<Double> value, int decimals,
                                   String unit, String target, String detail, TileFigure.State state,
                                   Gathered<?> gathered) {
        return new TileFigure(id, title, value.orElse(Double.NaN), decimals, unit, target, detail, state,
                gathered.stale(), Ages.stale(gathered.oldest(), live));
    }

    private static String arrow(String linkId) {
        return linkId.replace("->", " → ");
    }

    private static String seconds(Duration d) {
        return LagText.target(d);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
