package io.meridian.model.topology;

import java.util.Objects;

/** A directed replication link: the target replica replays changes from the source replica. */
public record ReplicationLink(
        String id,
        String clusterId,
        String sourceReplicaId,
        String targetReplicaId,
        String sourceRegionId,
        String targetRegionId,
        boolean synchronous,
        LinkState state) {
    public ReplicationLink {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(sourceReplicaId, "sourceReplicaId");
        Objects.requireNonNull(targetReplicaId, "targetReplicaId");
        Objects.requireNonNull(sourceRegionId, "sourceRegionId");
        Objects.requireNonNull(targetRegionId, "targetRegionId");
        Objects.requireNonNull(state, "state");
    }

    /** The conventional id of the link from one replica to another. */
    public static String idOf(String sourceReplicaId, String targetReplicaId) {
        return sourceReplicaId + "->" + targetReplicaId;
    }

    /** True when the link leaves its source region. */
    public boolean crossRegion() {
        return !sourceRegionId.equals(targetRegionId);
    }

    public ReplicationLink withState(LinkState newState) {
        return new ReplicationLink(id, clusterId, sourceReplicaId, targetReplicaId, sourceRegionId, targetRegionId,
                synchronous, newState);
    }
}
