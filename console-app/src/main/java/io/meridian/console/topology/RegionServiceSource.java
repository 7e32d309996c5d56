package io.meridian.console.topology;

import io.meridian.model.telemetry.TelemetrySample;
import java.time.Instant;
import java.util.Optional;

/** Where the details pane finds a region's latest service figure (kept by the telemetry screen's store). */
@FunctionalInterface
public interface RegionServiceSource {
    /** The region's latest service figure and when it was true on the console's clock, if any arrived. */
    Optional<Reading> latest(String regionId);

    /** A service figure and the console-clock instant it was current. */
    record Reading(TelemetrySample.RegionService service, Instant asOf) {
    }
}
