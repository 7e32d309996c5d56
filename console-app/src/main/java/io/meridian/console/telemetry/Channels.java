package io.meridian.console.telemetry;

import io.meridian.model.telemetry.TelemetrySample;

/**
 * The numbers a sample keeps in history, in a fixed order per kind, so rings and charts agree on what channel 0 or 1
 * of a key means.
 */
final class Channels {
    static final int LAG_SECONDS = 0;
    static final int CLOCK_OFFSET = 0;
    static final int DRIFT_STATISTIC = 0;
    static final int DRIFT_P_VALUE = 1;

    private Channels() {
    }

    static double[] of(TelemetrySample sample) {
        return switch (sample) {
            case TelemetrySample.LinkLag l -> new double[] {l.lagSeconds(), l.breakerOpen() ? 1 : 0};
            case TelemetrySample.ClockOffset c -> new double[] {c.offsetMicros(), c.uncertaintyMicros()};
            case TelemetrySample.RegionDrift d -> new double[] {d.statistic(), d.pValue()};
            case TelemetrySample.RegionService s ->
                    new double[] {s.availabilityPercent(), s.latencyP50Millis(), s.latencyP95Millis()};
        };
    }
}
