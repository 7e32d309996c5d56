package io.meridian.model.drill;

/** The drill's verdict: passed only when every step and every measure with a target passed. */
public enum DrillOutcome {
    PENDING, PASSED, FAILED, INCOMPLETE
}
