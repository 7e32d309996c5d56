package io.meridian.model.telemetry;

import java.util.Optional;

/**
 * Plausibility of a figure the backend sent. A console never shows an impossible figure (NaN, negative lag, a
 * probability above one) as current; it shows what it saw instead, so the operator knows the backend misbehaves.
 */
public final class SampleCheck {
    private SampleCheck() {
    }

    /** Empty when plausible; otherwise what is wrong with it, naming the key and the value. */
    public static Optional<String> problem(TelemetrySample sample) {
        return switch (sample) {
            case TelemetrySample.LinkLag l -> !finite(l.lagSeconds()) || l.lagSeconds() < 0
                    ? Optional.of(l.key() + ": lag " + l.lagSeconds() + " s is not a lag")
                    : l.lagBytes() < 0 ? Optional.of(l.key() + ": lag of " + l.lagBytes() + " bytes is negative")
                    : Optional.empty();
            case TelemetrySample.ClockOffset c -> !finite(c.offsetMicros()) || !finite(c.uncertaintyMicros())
                    || c.uncertaintyMicros() < 0
                    ? Optional.of(c.key() + ": clock offset " + c.offsetMicros() + " µs ± " + c.uncertaintyMicros()
                    + " is not a measurement")
                    : Optional.empty();
            case TelemetrySample.RegionDrift d -> !(d.statistic() >= 0 && d.statistic() <= 1)
                    || !(d.pValue() >= 0 && d.pValue() <= 1) || d.regionSampleSize() < 1
                    || d.referenceSampleSize() < 1
                    ? Optional.of(d.key() + ": KS D=" + d.statistic() + " p=" + d.pValue() + " (n=" + d.regionSampleSize()
                    + ", m=" + d.referenceSampleSize() + ") is not a test result")
                    : Optional.empty();
            case TelemetrySample.RegionService s -> !(s.availabilityPercent() >= 0 && s.availabilityPercent() <= 100)
                    || !finite(s.latencyP50Millis()) || !finite(s.latencyP95Millis()) || s.latencyP50Millis() < 0
                    || s.latencyP95Millis() < s.latencyP50Millis()
                    ? Optional.of(s.key() + ": availability " + s.availabilityPercent() + "% p50 "
                    + s.latencyP50Millis() + " ms p95 " + s.latencyP95Millis() + " ms is not plausible")
                    : s.transactions().filter(t -> !rate(t.commitsPerSecond()) || !rate(t.rollbacksPerSecond()))
                    .map(t -> s.key() + ": " + t.commitsPerSecond() + " commits/s and " + t.rollbacksPerSecond()
                            + " rollbacks/s are not rates");
        };
    }

    private static boolean rate(double value) {
        return finite(value) && value >= 0;
    }

    private static boolean finite(double value) {
        return Double.isFinite(value);
    }
}
