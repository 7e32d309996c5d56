package io.meridian.model.drill;

/** What a drill injects: one fault of a kind, or the steps of a runbook. */
public enum DrillType {
    REGION_OUTAGE("Region outage", 1),
    NETWORK_PARTITION("Network partition", 2),
    LAG_SPIKE("Replication lag spike", 1),
    CLOCK_SKEW("Clock skew", 1),
    RUNBOOK("Runbook", 0);

    private final String label;
    private final int regions;

    DrillType(String label, int regions) {
        this.label = label;
        this.regions = regions;
    }

    public String label() {
        return label;
    }

    /** How many regions the drill takes as targets (a runbook names its own). */
    public int regions() {
        return regions;
    }
}
