package io.meridian.model.failover;

import java.util.Objects;
import java.util.Optional;

/**
 * A request for a planned switchover of a healthy primary. Without a candidate Meridian picks the best one; with one,
 * the operator chose that replica and accepts the dry run's stated risk. The request id (a UUID chosen once per
 * click) makes retries safe: the backend opens at most one proposal per request id.
 */
public record SwitchoverRequest(String clusterId, Optional<String> candidateId, String reason, String requestId) {
    public SwitchoverRequest {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a switchover needs a reason");
        }
        Objects.requireNonNull(requestId, "requestId");
    }
}
