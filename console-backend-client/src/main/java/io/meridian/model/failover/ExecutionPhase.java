package io.meridian.model.failover;

/** The phases of carrying out an approved failover or switchover, in the order they run. */
public enum ExecutionPhase {
    FENCE("fence the old primary"),
    PROMOTE("promote the candidate"),
    REROUTE("repoint replicas and traffic"),
    VERIFY_HEALTH("verify health"),
    CHECK_CONSISTENCY("check consistency");

    private final String label;

    ExecutionPhase(String label) {
        this.label = label;
    }

    /** The phase in words, for timelines and reports. */
    public String label() {
        return label;
    }
}
