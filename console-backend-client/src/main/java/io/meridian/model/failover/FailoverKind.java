package io.meridian.model.failover;

/** Why a primary changes: a planned switchover asked for by an operator, or a failover after the primary was lost. */
public enum FailoverKind {
    /** The old primary is healthy and hands over after catching the candidate up: no data is lost. */
    PLANNED_SWITCHOVER,
    /** The old primary is lost; the candidate is promoted with whatever it had replayed. */
    UNPLANNED_FAILOVER
}
