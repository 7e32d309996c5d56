package io.meridian.model.failover;

import java.util.Objects;

/**
 * The backend's answer to a decision: the proposal after it, the decision as recorded, and whether this request id
 * had been decided before (a retry that the backend answered with the first receipt instead of a second decision).
 */
public record DecisionReceipt(Proposal proposal, Decision decision, boolean replayed) {
    public DecisionReceipt {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(decision, "decision");
    }
}
