package io.meridian.server.drill;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.Topology;
import io.meridian.server.platform.DrillFault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the platform reports about a fault that causes no failover: the alarm it should raise (a link cut, lag over
 * the SLO, a clock offset over the allowed maximum) and its healing, read from the reported topology and the
 * latest telemetry. Only the links and replicas the fault declares are looked at.
 */
final class Signals {
    /** A threshold crossed (or healed): when, on what, and the figure seen. */
    record Signal(Instant at, String subject, String detail, Duration value) {}

    private final Supplier<Topology> topology;
    private final Supplier<Map<String, TelemetrySample>> latest;

    Signals(Supplier<Topology> topology, Supplier<Map<String, TelemetrySample>> latest) {
        this.topology = topology;
        this.latest = latest;
    }

    /** The first sign of the fault seen since {@code since}, if any; {@code now} times what carries no time. */
    Optional<Signal> detected(DrillFault fault, Instant since, Instant now) {
        var t = topology.get();
        var samples = latest.get();
        double slo = seconds(t.targets().lagSloP95());
        if (fault instanceof DrillFault.ClockSkew skew) {
            double max = t.targets().clockOffsetMaxMicros();
            return replicas(t, skew.regionId()).stream().map(id -> samples.get(TelemetrySample.ClockOffset.keyOf(id)))
                    .filter(s -> s instanceof TelemetrySample.ClockOffset c && !c.observedAt().isBefore(since)
                            && Math.abs(c.offsetMicros()) > max)
                    .map(s -> (TelemetrySample.ClockOffset) s)
                    .map(c -> new Signal(c.observedAt(), c.replicaId(), "clock offset " + round(c.offsetMicros())
                            + " µs, over the allowed " + round(max) + " µs", Duration.ZERO))
                    .findFirst();
        }
        for (var link : links(t, fault)) {
            if (link.state() == LinkState.DISCONNECTED && fault instanceof DrillFault.Partition) {
                return Optional.of(new Signal(now, link.id(), "link " + link.id() + " reported disconnected",
                        Duration.ZERO));
            }
            if (samples.get(TelemetrySample.LinkLag.keyOf(link.id())) instanceof TelemetrySample.LinkLag lag
                    && !lag.observedAt().isBefore(since) && lag.lagSeconds() > slo) {
                return Optional.of(new Signal(lag.observedAt(), link.id(), "lag " + round(lag.lagSeconds())
                        + " s on " + link.id() + ", over the " + round(slo) + " s SLO",
                        Duration.ofMillis(Math.round(lag.lagSeconds() * 1000))));
            }
        }
        return Optional.empty();
    }

    /** The moment every link or replica of the fault was back within its target, seen in samples since then. */
    Optional<Signal> healed(DrillFault fault, Instant since) {
        var t = topology.get();
        var samples = latest.get();
        Instant last = since;
        if (fault instanceof DrillFault.ClockSkew skew) {
            double max = t.targets().clockOffsetMaxMicros();
            for (var id : replicas(t, skew.regionId())) {
                if (!(samples.get(TelemetrySample.ClockOffset.keyOf(id)) instanceof TelemetrySample.ClockOffset c)
                        || c.observedAt().isBefore(since) || Math.abs(c.offsetMicros()) > max) {
                    return Optional.empty();
                }
                last = c.observedAt().isAfter(last) ? c.observedAt() : last;
            }
            return Optional.of(new Signal(last, skew.regionId(), "every clock of " + skew.regionId()
                    + " within " + round(max) + " µs again", Duration.ZERO));
        }
        double slo = seconds(t.targets().lagSloP95());
        var links = links(t, fault);
        for (var link : links) {
            if (link.state() == LinkState.DISCONNECTED
                    || !(samples.get(TelemetrySample.LinkLag.keyOf(link.id())) instanceof TelemetrySample.LinkLag lag)
                    || lag.observedAt().isBefore(since) || lag.lagSeconds() > slo) {
                return Optional.empty();
            }
            last = lag.observedAt().isAfter(last) ? lag.observedAt() : last;
        }
        return Optional.of(new Signal(last, "", links.size() + " link(s) streaming with lag under the "
                + round(slo) + " s SLO again", Duration.ZERO));
    }

    private static List<ReplicationLink> links(Topology t, DrillFault fault) {
        return switch (fault) {
            case DrillFault.Partition p -> t.links().stream()
                    .filter(l -> l.sourceRegionId().equals(p.regionA()) && l.targetRegionId().equals(p.regionB())
                            || l.sourceRegionId().equals(p.regionB()) && l.targetRegionId().equals(p.regionA()))
                    .toList();
            case DrillFault.LagSpike s -> t.links().stream().filter(l -> l.targetRegionId().equals(s.regionId()))
                    .toList();
            case DrillFault.RegionOutage o -> List.of();
            case DrillFault.ClockSkew c -> List.of();
        };
    }

    private static List<String> replicas(Topology t, String regionId) {
        return t.clusters().stream().flatMap(c -> c.replicas().stream()).filter(r -> r.regionId().equals(regionId))
                .map(r -> r.id()).toList();
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, v >= 10 ? "%.0f" : "%.2f", v);
    }
}
