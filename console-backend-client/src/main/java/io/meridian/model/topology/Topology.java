package io.meridian.model.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The whole topology of a platform at one moment: immutable. Changes arrive as {@link TopologyDelta}s and
 * {@link #apply(TopologyDelta)} yields the next state, keeping the order in which objects first appeared.
 */
public record Topology(
        PlatformTargets targets,
        List<TierTargets> tiers,
        List<Region> regions,
        List<Cluster> clusters,
        List<ReplicationLink> links) {
    public Topology {
        Objects.requireNonNull(targets, "targets");
        tiers = List.copyOf(tiers);
        regions = List.copyOf(regions);
        clusters = List.copyOf(clusters);
        links = List.copyOf(links);
    }

    public Optional<Region> region(String regionId) {
        return regions.stream().filter(r -> r.id().equals(regionId)).findFirst();
    }

    public Optional<TierTargets> tierTargets(RecoveryTier tier) {
        return tiers.stream().filter(t -> t.tier() == tier).findFirst();
    }

    /** The replica with this id, in whichever cluster it is. */
    public Optional<Replica> replica(String replicaId) {
        return clusters.stream().flatMap(c -> c.replicas().stream()).filter(r -> r.id().equals(replicaId))
                .findFirst();
    }

    /** Replicas running in a region, grouped under their clusters in cluster order. */
    public Map<Cluster, List<Replica>> replicasIn(String regionId) {
        var byCluster = new LinkedHashMap<Cluster, List<Replica>>();
        for (var cluster : clusters) {
            var here = cluster.replicas().stream().filter(r -> r.regionId().equals(regionId)).toList();
            if (!here.isEmpty()) {
                byCluster.put(cluster, here);
            }
        }
        return byCluster;
    }

    /**
     * A region's health is the worst of its replicas'; a region with no replicas is {@link Health#UNKNOWN}, since
     * nothing there can be observed.
     */
    public Health regionHealth(String regionId) {
        Health worst = null;
        for (var cluster : clusters) {
            for (var replica : cluster.replicas()) {
                if (replica.regionId().equals(regionId)) {
                    worst = worst == null ? replica.health() : worst.worse(replica.health());
                }
            }
        }
        return worst == null ? Health.UNKNOWN : worst;
    }

    /** The next state: upserts replace objects with the same id in place, new ones go last, removals drop. */
    public Topology apply(TopologyDelta delta) {
        return new Topology(targets, tiers,
                merge(regions, delta.upsertedRegions(), delta.removedRegionIds(), Region::id),
                merge(clusters, delta.upsertedClusters(), delta.removedClusterIds(), Cluster::id),
                merge(links, delta.upsertedLinks(), delta.removedLinkIds(), ReplicationLink::id));
    }

    private static <T> List<T> merge(List<T> current, List<T> upserts, Collection<String> removals,
                                     Function<T, String> id) {
        if (upserts.isEmpty() && removals.isEmpty()) {
            return current;
        }
        var byId = new LinkedHashMap<String, T>();
        current.forEach(item -> byId.put(id.apply(item), item));
        upserts.forEach(item -> byId.put(id.apply(item), item));
        removals.forEach(byId::remove);
        return new ArrayList<>(byId.values());
    }
}
