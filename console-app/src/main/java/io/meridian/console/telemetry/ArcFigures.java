package io.meridian.console.telemetry;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map's lag figures: one per pair of regions with cross-region links, showing the worst of those links. An arc
 * is stale when any of its links has no current figure or the stream is not live, so a silent link never hides
 * behind a healthy one.
 */
final class ArcFigures {
    private ArcFigures() {
    }

    static Map<String, ArcFigure> of(Topology topology, Map<String, Figure> figures, Instant now, boolean live) {
        var byPair = new LinkedHashMap<String, List<String>>();
        for (var link : topology.links()) {
            if (link.crossRegion()) {
                byPair.computeIfAbsent(ArcFigure.pair(link.sourceRegionId(), link.targetRegionId()),
                        k -> new ArrayList<>()).add(link.id());
            }
        }
        var arcs = new LinkedHashMap<String, ArcFigure>();
        byPair.forEach((pair, linkIds) -> {
            TelemetrySample.LinkLag worst = null;
            LagLevel worstLevel = null;
            var oldest = Duration.ZERO;
            boolean stale = !live;
            for (var linkId : linkIds) {
                var figure = figures.get(TelemetrySample.LinkLag.keyOf(linkId));
                if (figure == null) {
                    stale = true;
                    continue;
                }
                var lag = (TelemetrySample.LinkLag) figure.sample();
                var level = LagLevel.of(lag, topology.targets());
                stale |= figure.stale(now);
                oldest = max(oldest, figure.age(now));
                if (worst == null || WORST.compare(new Ranked(level, lag), new Ranked(worstLevel, worst)) > 0) {
                    worst = lag;
                    worstLevel = level;
                }
            }
            if (worst != null) {
                var ends = pair.split("\n");
                arcs.put(pair, new ArcFigure(ends[0], ends[1], worst.linkId(), worst.lagSeconds(), worstLevel, stale,
                        label(worst, worstLevel, stale, oldest, live)));
            }
        });
        return arcs;
    }

    private record Ranked(LagLevel level, TelemetrySample.LinkLag lag) {}

    private static final Comparator<Ranked> WORST = Comparator.comparing(Ranked::level)
            .thenComparingDouble(r -> r.lag().lagSeconds());

    static String label(TelemetrySample.LinkLag lag, LagLevel level, boolean stale, Duration age, boolean live) {
        var value = LagText.of(lag.lagSeconds());
        var text = level == LagLevel.BREAKER_OPEN ? "BREAKER OPEN " + value : value;
        return stale ? text + " · " + Ages.old(age, live) : text;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
