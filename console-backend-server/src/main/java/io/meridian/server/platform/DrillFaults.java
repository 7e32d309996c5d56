package io.meridian.server.platform;

/**
 * How a platform lets drills inject faults on purpose. A platform offers it through {@link Platform#drillFaults()};
 * one that cannot (a live database without a chaos tool) offers none, and drills are refused there.
 *
 * <p>Contract: {@link #inject} adds exactly the declared fault and nothing else, and the fault lasts until
 * {@link #lift} is called with an equal declaration; {@link #lift} removes only faults injected through this
 * interface with an equal declaration (so a fault injected by other means stays), and lifting what is not there is
 * no error, which makes it safe to call again after a backend restart.
 */
public interface DrillFaults {
    /**
     * Injects the fault; returns what the platform did, in words. Refuses with a message an incident commander can
     * act on when the declaration names nothing on this platform (e.g. no replication link between two regions).
     */
    String inject(DrillFault fault) throws PlatformActionException;

    /** Lifts the fault; returns what the platform did, in words. */
    String lift(DrillFault fault);
}
