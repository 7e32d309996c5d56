package io.meridian.model.topology;

import java.time.Instant;
import java.util.Objects;

/** One member of a cluster, running in one region. */
public record Replica(String id, String regionId, ReplicaRole role, Health health, String healthDetail,
                      Instant healthSince) {
    public Replica {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(health, "health");
        healthDetail = healthDetail == null ? "" : healthDetail;
        Objects.requireNonNull(healthSince, "healthSince");
    }

    /** The same replica with another health, observed at {@code since}. */
    public Replica withHealth(Health newHealth, String detail, Instant since) {
        return new Replica(id, regionId, role, newHealth, detail, since);
    }
}
