package io.meridian.model.drill;

/** What a drill step is: a person's action, an injection, an expected outcome, or the final cleanup. */
public enum StepKind {
    MANUAL, INJECT, EXPECT, CLEANUP
}
