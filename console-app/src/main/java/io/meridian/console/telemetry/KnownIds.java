package io.meridian.console.telemetry;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.Region;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.Topology;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The ids one topology knows, to tell a sample about an unknown link, replica or region from a good one. */
final class KnownIds {
    private final Topology topology;
    private final Set<String> links;
    private final Set<String> replicas;
    private final Set<String> regions;

    KnownIds(Topology topology) {
        this.topology = topology;
        links = topology.links().stream().map(ReplicationLink::id).collect(Collectors.toSet());
        regions = topology.regions().stream().map(Region::id).collect(Collectors.toSet());
        replicas = topology.clusters().stream().flatMap(c -> c.replicas().stream()).map(r -> r.id())
                .collect(Collectors.toSet());
    }

    boolean isFor(Topology other) {
        return topology == other;
    }

    /** Empty when the sample's subject exists; otherwise what is unknown. */
    Optional<String> unknown(TelemetrySample sample) {
        return switch (sample) {
            case TelemetrySample.LinkLag l -> links.contains(l.linkId()) ? Optional.empty()
                    : Optional.of("lag for link " + l.linkId() + ", which the topology does not have");
            case TelemetrySample.ClockOffset c -> replicas.contains(c.replicaId()) ? Optional.empty()
                    : Optional.of("clock offset for replica " + c.replicaId() + ", which the topology does not have");
            case TelemetrySample.RegionDrift d -> regions.contains(d.regionId()) ? Optional.empty()
                    : Optional.of("drift for region " + d.regionId() + ", which the topology does not have");
            case TelemetrySample.RegionService s -> regions.contains(s.regionId()) ? Optional.empty()
                    : Optional.of("service figures for region " + s.regionId() + ", which the topology does not have");
        };
    }
}
