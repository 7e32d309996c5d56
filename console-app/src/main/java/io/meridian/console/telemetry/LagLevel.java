package io.meridian.console.telemetry;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.PlatformTargets;

/** Where a link's lag stands against the platform's targets, worst last. */
public enum LagLevel {
    /** Below 80% of the SLO. */
    OK,
    /** Within 80-100% of the SLO: about to breach. */
    NEAR,
    /** Above the SLO. */
    BREACH,
    /** The circuit breaker is open. */
    BREAKER_OPEN;

    /** Fraction of the SLO from which a lag counts as near it. */
    public static final double NEAR_FACTOR = 0.8;

    public static LagLevel of(TelemetrySample.LinkLag lag, PlatformTargets targets) {
        double slo = targets.lagSloP95().toNanos() / 1e9;
        if (lag.breakerOpen()) {
            return BREAKER_OPEN;
        }
        if (lag.lagSeconds() > slo) {
            return BREACH;
        }
        return lag.lagSeconds() > NEAR_FACTOR * slo ? NEAR : OK;
    }
}
