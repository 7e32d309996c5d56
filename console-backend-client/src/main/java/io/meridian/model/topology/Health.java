package io.meridian.model.topology;

/** Health as the platform observes it, in rising order of concern. */
public enum Health {
    HEALTHY, DEGRADED, UNKNOWN, FAILED;

    /** The more worrying of two health values, used to roll replicas up into a region. */
    public Health worse(Health other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
