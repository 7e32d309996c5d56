package io.meridian.console.telemetry;

import io.meridian.model.telemetry.TelemetrySample;
import java.time.Duration;
import java.time.Instant;

/**
 * The current figure of one key and when it was true on the console's own clock: {@code asOf} is the time it was
 * received less how old it already was when the server sent it, so a figure's age never depends on the server's
 * clock agreeing with ours. A figure is stale past three of its expected intervals.
 */
public record Figure(TelemetrySample sample, Instant asOf) {
    /** Lag, clock and service figures are measured every second. */
    public static final Duration MEASURED_EVERY = Duration.ofSeconds(1);
    /** The backend runs the drift test every five seconds (on a window of recent queries). */
    public static final Duration DRIFT_TESTED_EVERY = Duration.ofSeconds(5);
    static final int STALE_AFTER_INTERVALS = 3;

    public Duration age(Instant now) {
        var age = Duration.between(asOf, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    public boolean stale(Instant now) {
        return age(now).compareTo(expectedInterval(sample).multipliedBy(STALE_AFTER_INTERVALS)) > 0;
    }

    /** How often a figure of this kind is expected. */
    public static Duration expectedInterval(TelemetrySample sample) {
        return sample instanceof TelemetrySample.RegionDrift ? DRIFT_TESTED_EVERY : MEASURED_EVERY;
    }
}
