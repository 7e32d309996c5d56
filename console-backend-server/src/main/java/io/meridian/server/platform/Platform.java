package io.meridian.server.platform;

import io.meridian.model.session.PlatformInfo;
import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.util.Optional;

/**
 * What the server core needs from a platform, simulated or live. Services, journals, the failover workflow, the
 * audit store and drills are written against this interface only, so a platform plugs in without
 * touching them. Implementations report observations; they never see gRPC.
 */
public interface Platform extends AutoCloseable {
    /** What the platform is, for the session service and the console's banner. */
    PlatformInfo info();

    /** The topology as the platform observes it now. */
    Topology topology();

    /**
     * Starts observing and reports to {@code observer}, in order, on one thread at a time. Topology changes are
     * relative to the topology last reported (or to {@link #topology()} before the first).
     */
    void start(PlatformObserver observer);

    /**
     * How long a primary must stay FAILED in the reported topology before the core opens a failover proposal. A
     * platform that already confirms failures itself (missed probes) returns zero; one whose health flickers
     * returns enough to avoid proposals for blips.
     */
    default Duration failureConfirmation() {
        return Duration.ZERO;
    }

    /**
     * How this platform could fence {@code oldPrimary} now (e.g. "set read-only", "stop through the provider's
     * API", "the configured fencing command"), or empty when it cannot: promoting another replica then risks two
     * writers, and the dry run says so.
     */
    default Optional<String> fencingMethod(Replica oldPrimary) {
        return Optional.empty();
    }

    /**
     * Carries out one phase of an approved plan and blocks until it is done; the failover workflow calls the phases
     * of {@link ExecutionPhase} in order, on its own thread, one at a time, and stops at the first exception. The
     * platform reports the resulting topology changes (new primary, re-formed links) through its observer as it
     * observes them.
     */
    PhaseResult execute(ExecutionPhase phase, FailoverPlan plan) throws PlatformActionException;

    /**
     * Fault injection for disaster-recovery drills, when this platform can inject faults on purpose; empty (the
     * default) when it cannot, and the backend then refuses drills with a message that says so.
     */
    default Optional<DrillFaults> drillFaults() {
        return Optional.empty();
    }

    /** Stops observing and releases what the platform holds. */
    @Override
    void close();
}
