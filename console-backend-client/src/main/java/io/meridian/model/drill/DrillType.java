package io.meridian.model.drill;

/** What a drill injects: one fault of a kind, or the steps of a runbook. */
public enum DrillType {
    REGION_OUTAGE("Region outage"),
    NETWORK_PARTITION("Network partition"),
    LAG_SPIKE("Replication lag spike"),
    CLOCK_SKEW("Clock skew"),
    RUNBOOK("Runbook");

    private final String label;

    DrillType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
