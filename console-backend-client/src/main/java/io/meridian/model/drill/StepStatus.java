package io.meridian.model.drill;

/** Where a drill step stands; WAITING is a manual step waiting for its person. */
public enum StepStatus {
    PENDING, RUNNING, WAITING, PASSED, FAILED, SKIPPED
}
