package io.meridian.server.platform;

import io.meridian.model.failover.FailoverKind;
import java.util.Objects;

/**
 * What an approved decision asks a platform to do: make {@code candidateId} the primary of {@code clusterId} in place
 * of {@code oldPrimaryId}. {@code fencingOverridden} is true when an incident commander accepted promotion without
 * a successful fence (the reason is in the audit log); a platform must then still try to fence, and say so.
 */
public record FailoverPlan(String proposalId, String clusterId, String oldPrimaryId, String candidateId,
                           FailoverKind kind, boolean fencingOverridden) {
    public FailoverPlan {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(oldPrimaryId, "oldPrimaryId");
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(kind, "kind");
    }
}
