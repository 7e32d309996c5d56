package io.meridian.model.topology;

import java.time.Duration;
import java.util.Objects;

/** Service-level targets a platform is held to, taken from its deployment documents. */
public record PlatformTargets(
        Duration detection,
        Duration lagSloP95,
        Duration lagBreaker,
        double clockOffsetMaxMicros,
        double availabilityPercent,
        Duration latencyP50,
        Duration latencyP95) {
    public PlatformTargets {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(lagSloP95, "lagSloP95");
        Objects.requireNonNull(lagBreaker, "lagBreaker");
        Objects.requireNonNull(latencyP50, "latencyP50");
        Objects.requireNonNull(latencyP95, "latencyP95");
    }
}
