package io.meridian.model.failover;

/** Where one execution phase stands. */
public enum PhaseStatus {
    PENDING,
    RUNNING,
    DONE,
    FAILED,
    /** Not run because an earlier phase failed. */
    SKIPPED
}
