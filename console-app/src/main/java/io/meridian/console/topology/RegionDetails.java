package io.meridian.console.topology;

import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.Region;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.TierTargets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the details pane shows about the selected region. */
public record RegionDetails(Region region, Health health, Optional<TierTargets> tierTargets,
                            Map<Cluster, List<Replica>> replicasByCluster, List<ReplicationLink> crossRegionLinks) {
}
