package io.meridian.console.topology;

import io.meridian.model.topology.Health;
import io.meridian.model.topology.Region;

/** One line of the region list: the region, its rolled-up health and a short summary. */
public record RegionRow(Region region, Health health, int replicas, int replicasHealthy) {
    public String title() {
        return region.displayName();
    }

    public String subtitle() {
        return region.tier() + " · " + region.role().label() + " · " + replicasHealthy + "/" + replicas + " healthy";
    }
}
