package io.meridian.console.shell;

import io.meridian.console.failover.LiveLag;
import io.meridian.console.telemetry.TelemetryStore;
import io.meridian.console.topology.TopologyStore;
import io.meridian.model.telemetry.TelemetrySample;
import java.util.Optional;

/** The failover screen's live lag of a candidate, from the telemetry of the link that replicates into it. */
final class CandidateLag implements LiveLag {
    private final TopologyStore topology;
    private final TelemetryStore telemetry;

    CandidateLag(TopologyStore topology, TelemetryStore telemetry) {
        this.topology = topology;
        this.telemetry = telemetry;
    }

    @Override
    public Optional<Reading> into(String replicaId) {
        var current = topology.topology();
        if (current == null) {
            return Optional.empty();
        }
        return current.links().stream().filter(l -> l.targetReplicaId().equals(replicaId)).findFirst()
                .flatMap(link -> telemetry.latest(TelemetrySample.LinkLag.keyOf(link.id()))
                        .flatMap(figure -> figure.sample() instanceof TelemetrySample.LinkLag lag
                                ? Optional.of(new Reading(link.sourceReplicaId(), lag.lagSeconds(), lag.lagBytes(),
                                figure.asOf()))
                                : Optional.empty()));
    }
}
