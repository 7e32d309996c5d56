package io.meridian.model.drill;

/** A measure against its target: still running, met, missed, or without a target. */
public enum MeasureVerdict {
    PENDING, PASS, FAIL, NOT_APPLICABLE
}
