package io.meridian.model.drill;

/** Where a drill stands; every state but RUNNING is final. */
public enum DrillState {
    RUNNING, COMPLETED, ABORTED, FAILED, INTERRUPTED;

    public boolean ended() {
        return this != RUNNING;
    }
}
