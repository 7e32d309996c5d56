package io.meridian.model.failover;

/** What a decider decided. */
public enum DecisionKind {
    APPROVE,
    REJECT
}
