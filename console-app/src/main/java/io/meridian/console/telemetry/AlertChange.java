package io.meridian.console.telemetry;

import java.time.Instant;

/**
 * A step in an alert's life as {@link AlertRules} decides it: raised, made more or less severe, or cleared. The
 * {@code key} names the rule and its subject ("slo/a->b"), so one condition is one alert however long it lasts.
 */
public record AlertChange(Kind kind, String key, Severity severity, String what, Instant at) {
    public enum Kind { RAISED, ESCALATED, EASED, CLEARED }

    /** Whether the operator should be told now (a popup): a new alert, or one that got worse. */
    public boolean notifies() {
        return kind == Kind.RAISED || kind == Kind.ESCALATED;
    }
}
