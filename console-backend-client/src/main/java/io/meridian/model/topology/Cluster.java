package io.meridian.model.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A replication group, such as one database and its standbys; it may span regions. */
public record Cluster(String id, String displayName, List<Replica> replicas) {
    public Cluster {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        replicas = List.copyOf(replicas);
    }

    /** The replica that accepts writes, if the cluster has one. */
    public Optional<Replica> primary() {
        return replicas.stream().filter(r -> r.role() == ReplicaRole.PRIMARY).findFirst();
    }
}
