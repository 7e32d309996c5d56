package io.meridian.model.failover;

/** Where a proposal stands: waiting for decisions, running, or closed with one of four outcomes. */
public enum ProposalState {
    /** Waiting for decisions. */
    OPEN,
    /** Approved; the phases are running. */
    EXECUTING,
    /** Every phase done: the candidate is the primary. */
    SUCCEEDED,
    /** A phase failed; nothing after it ran. */
    FAILED,
    /** Someone rejected it. */
    REJECTED,
    /** Closed without a decision: the primary recovered, or the topology moved on. */
    WITHDRAWN;

    /** True while the proposal is waiting for a decision or executing, i.e. not yet closed. */
    public boolean active() {
        return this == OPEN || this == EXECUTING;
    }
}
