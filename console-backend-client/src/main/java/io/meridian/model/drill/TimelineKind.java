package io.meridian.model.drill;

/** What a timeline event records. */
public enum TimelineKind {
    DRILL_STARTED("drill started"),
    FAULT_INJECTED("fault injected"),
    DETECTED("detected"),
    PROPOSAL_OPENED("proposal opened"),
    DECISION("decision"),
    PHASE("execution phase"),
    RECOVERED("recovered"),
    CONSISTENCY_CHECKED("consistency checked"),
    STEP_WAITING("waiting for a person"),
    STEP_CONFIRMED("step confirmed"),
    STEP_PASSED("step passed"),
    STEP_FAILED("step failed"),
    FAULT_LIFTED("fault lifted"),
    ABORTED("aborted"),
    INTERRUPTED("interrupted"),
    DRILL_ENDED("drill ended"),
    NOT_RECOVERED("not recovered");

    private final String label;

    TimelineKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
