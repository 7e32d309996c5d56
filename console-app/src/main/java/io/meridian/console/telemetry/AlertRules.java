package io.meridian.console.telemetry;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.PlatformTargets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * When a figure deserves an operator's attention, as pure logic over samples in their observation time (no clock):
 * <ul>
 *   <li>SLO breach (warning): a link's lag above the lag SLO;
 *   <li>breaker open (critical): the backend reports the link's circuit breaker open;
 *   <li>drift detected (warning): a region's KS test crosses its alpha;
 *   <li>clock offset (warning past 80% of the allowed maximum, critical past it), on the absolute offset.
 * </ul>
 * Every rule has hysteresis: an alert is raised at once, but clears only after its value has stayed below 80% of the
 * threshold for {@code hold}, so a figure hovering around a threshold raises one alert, not one per crossing.
 */
public final class AlertRules {
    /** Fraction of a threshold a value must fall below before its alert may clear. */
    public static final double CLEAR_FACTOR = 0.8;
    /** Fraction of the clock offset maximum at which a warning is raised. */
    public static final double CLOCK_WARN_FACTOR = 0.8;

    private final PlatformTargets targets;
    private final Duration hold;
    private final Map<String, Hysteresis> states = new HashMap<>();

    public AlertRules(PlatformTargets targets, Duration hold) {
        this.targets = targets;
        this.hold = hold;
    }

    /** Feeds one plausible sample; returns the alert changes it causes, usually none. */
    public List<AlertChange> observe(TelemetrySample sample) {
        return switch (sample) {
            case TelemetrySample.LinkLag l -> {
                double slo = seconds(targets.lagSloP95());
                var breach = step("slo/" + l.linkId(), l.lagSeconds(), l, new double[] {slo},
                        level -> "SLO breach: lag %s on link %s is over the SLO of %s"
                                .formatted(secondsText(l.lagSeconds()), arrow(l.linkId()), secondsText(slo)),
                        Severity.WARNING);
                var breaker = step("breaker/" + l.linkId(), l.breakerOpen() ? 1 : 0, l, new double[] {0.5},
                        level -> "Breaker open on link %s: lag %s (breaker at %s)".formatted(arrow(l.linkId()),
                                secondsText(l.lagSeconds()), secondsText(seconds(targets.lagBreaker()))),
                        Severity.CRITICAL);
                yield concat(breach, breaker);
            }
            case TelemetrySample.ClockOffset c -> {
                double max = targets.clockOffsetMaxMicros();
                yield step("clock/" + c.replicaId(), Math.abs(c.offsetMicros()), c,
                        new double[] {CLOCK_WARN_FACTOR * max, max},
                        level -> "Clock offset %s µs on replica %s is over %s µs (%s)".formatted(
                                number(c.offsetMicros()), c.replicaId(),
                                number(level == 2 ? max : CLOCK_WARN_FACTOR * max),
                                level == 2 ? "the maximum" : "80% of the maximum"),
                        null);
            }
            case TelemetrySample.RegionDrift d -> step("drift/" + d.regionId(), d.drifted() ? 1 : 0, d,
                    new double[] {0.5},
                    level -> "Drift detected in region %s: KS D=%.3f, p=%.2g < α=%s%s".formatted(d.regionId(),
                            d.statistic(), d.pValue(), d.alpha(),
                            d.measure().isEmpty() ? "" : " (" + d.measure() + ")"),
                    Severity.WARNING);
            case TelemetrySample.RegionService s -> List.of();
        };
    }

    /**
     * Runs one rule. {@code fixed} is the severity of every level, or null for "level 1 warning, level 2 critical".
     */
    private List<AlertChange> step(String key, double value, TelemetrySample sample, double[] thresholds,
                                   IntFunction<String> what, Severity fixed) {
        var state = states.computeIfAbsent(key, k -> new Hysteresis(CLEAR_FACTOR, hold, thresholds));
        int before = state.level();
        int after = state.update(value, sample.observedAt());
        if (after == before) {
            return List.of();
        }
        var at = sample.observedAt();
        if (after == 0) {
            return List.of(new AlertChange(AlertChange.Kind.CLEARED, key, severity(before, fixed), "", at));
        }
        var kind = before == 0 ? AlertChange.Kind.RAISED
                : after > before ? AlertChange.Kind.ESCALATED : AlertChange.Kind.EASED;
        return List.of(new AlertChange(kind, key, severity(after, fixed), what.apply(after), at));
    }

    private static Severity severity(int level, Severity fixed) {
        return fixed != null ? fixed : level >= 2 ? Severity.CRITICAL : Severity.WARNING;
    }

    private static List<AlertChange> concat(List<AlertChange> a, List<AlertChange> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String arrow(String linkId) {
        return linkId.replace("->", " → ");
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    static String secondsText(double seconds) {
        return LagText.of(seconds);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
