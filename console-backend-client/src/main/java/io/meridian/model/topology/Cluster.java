package io.meridian.model.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A replication group, such as one database and its standbys; it may span regions. Its home region is where its
 * data comes from (the region of its primary in the platform's description); the data keeps that region's residency
 * obligations wherever a failover moves the primary. Empty from a backend that does not say.
 */
public record Cluster(String id, String displayName, String homeRegionId, List<Replica> replicas) {
    public Cluster {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(homeRegionId, "homeRegionId");
        replicas = List.copyOf(replicas);
    }

    /** The same cluster with other members or member states. */
    public Cluster withReplicas(List<Replica> replicas) {
        return new Cluster(id, displayName, homeRegionId, replicas);
    }

    /** The replica that accepts writes, if the cluster has one. */
    public Optional<Replica> primary() {
        return replicas.stream().filter(r -> r.role() == ReplicaRole.PRIMARY).findFirst();
    }
}
