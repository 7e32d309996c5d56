package io.meridian.model.topology;

import java.util.List;

/** Changes from one topology state to the next: upserts replace whole objects by id. */
public record TopologyDelta(
        List<Region> upsertedRegions,
        List<Cluster> upsertedClusters,
        List<ReplicationLink> upsertedLinks,
        List<String> removedRegionIds,
        List<String> removedClusterIds,
        List<String> removedLinkIds) {
    public TopologyDelta {
        upsertedRegions = List.copyOf(upsertedRegions);
        upsertedClusters = List.copyOf(upsertedClusters);
        upsertedLinks = List.copyOf(upsertedLinks);
        removedRegionIds = List.copyOf(removedRegionIds);
        removedClusterIds = List.copyOf(removedClusterIds);
        removedLinkIds = List.copyOf(removedLinkIds);
    }

    /** A delta that only replaces clusters and links, the common case of health and link-state changes. */
    public static TopologyDelta of(List<Cluster> clusters, List<ReplicationLink> links) {
        return new TopologyDelta(List.of(), clusters, links, List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return upsertedRegions.isEmpty() && upsertedClusters.isEmpty() && upsertedLinks.isEmpty()
                && removedRegionIds.isEmpty() && removedClusterIds.isEmpty() && removedLinkIds.isEmpty();
    }
}
