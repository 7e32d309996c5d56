package io.meridian.console.shell;

import io.meridian.console.telemetry.TelemetryStore;
import io.meridian.console.topology.RegionServiceSource;
import io.meridian.model.telemetry.TelemetrySample;
import java.util.Optional;

/** The details pane's region service figures, from the telemetry store's latest sample of each region. */
final class RegionServiceFigures implements RegionServiceSource {
    private final TelemetryStore telemetry;

    RegionServiceFigures(TelemetryStore telemetry) {
        this.telemetry = telemetry;
    }

    @Override
    public Optional<Reading> latest(String regionId) {
        return telemetry.latest(TelemetrySample.RegionService.keyOf(regionId))
                .flatMap(figure -> figure.sample() instanceof TelemetrySample.RegionService service
                        ? Optional.of(new Reading(service, figure.asOf()))
                        : Optional.empty());
    }
}
