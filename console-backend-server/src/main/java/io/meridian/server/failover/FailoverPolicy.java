package io.meridian.server.failover;

import io.meridian.server.scenario.Scenario;
import java.time.Duration;

/**
 * The rules of a platform's failovers: approvals needed to promote a primary (two: the two-person rule), the
 * anti-flapping window after a failover of a cluster, how old a lag figure may be before it counts as frozen, and
 * how long an execution is expected to take (for the RTO estimate, until executions have been measured).
 */
public record FailoverPolicy(int approvalsRequired, Duration antiFlapping, Duration lagFreshness,
                             Duration expectedExecution) {
    /** Two approvers; an hour between failovers of a cluster, as orchestrator blocks a second recovery. */
    public static final FailoverPolicy DEFAULT = new FailoverPolicy(2, Duration.ofHours(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30));

    public FailoverPolicy {
        if (approvalsRequired < 1 || approvalsRequired > 2) {
            throw new IllegalArgumentException("approvals must be 1 or 2, was " + approvalsRequired);
        }
        if (antiFlapping.isNegative() || lagFreshness.isNegative() || expectedExecution.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** The scenario's policy where it states one, the defaults elsewhere. */
    public static FailoverPolicy of(Scenario scenario, Duration lagFreshness, Duration expectedExecution) {
        var spec = scenario.failover();
        int approvals = spec == null || spec.approvals() == null ? DEFAULT.approvalsRequired() : spec.approvals();
        var window = spec == null || spec.antiFlappingSeconds() == null ? DEFAULT.antiFlapping()
                : Duration.ofMillis(Math.round(spec.antiFlappingSeconds() * 1000));
        return new FailoverPolicy(approvals, window, lagFreshness, expectedExecution);
    }
}
