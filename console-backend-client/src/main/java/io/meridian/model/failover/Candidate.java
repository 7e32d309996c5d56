package io.meridian.model.failover;

import io.meridian.model.topology.Health;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A replica that could be promoted, as the dry run saw it. {@code lag} is only meaningful when {@code lagKnown}: a
 * lag figure that stopped updating is unknown, never small. {@code reasons} say why the replica is or is not
 * eligible.
 */
public record Candidate(String replicaId, String regionId, Health health, Duration lag, long lagBytes,
                        boolean lagKnown, boolean synchronous, boolean eligible, List<String> reasons) {
    public Candidate {
        Objects.requireNonNull(replicaId, "replicaId");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(lag, "lag");
        reasons = List.copyOf(reasons);
    }
}
