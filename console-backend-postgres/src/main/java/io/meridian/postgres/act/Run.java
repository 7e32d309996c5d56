package io.meridian.postgres.act;

/**
 * What one failover run learnt in a phase and a later phase needs: where the old primary stopped, the timeline
 * before promotion, the measured loss, the canary's position. Phases of one run are called one at a time.
 */
final class Run {
    /** The old primary's last WAL position: read after fencing, or last observed when it was lost. */
    long fencedLsn = -1;
    long oldTimeline = -1;
    long newTimeline = -1;
    long lostBytes = -1;
    long lostMillis = -1;
    long canaryLsn = -1;
    /** After a lost primary: the furthest position another standby had beyond the candidate's, or -1. */
    long aheadOfCandidate = -1;
    /** What the promoted candidate kept: everything at or before it survives the failover. */
    long candidateKept = -1;
    /** The WAL position each detached standby had received, for REROUTE to tell who can follow. */
    final java.util.Map<String, Long> receivedAtDetach = new java.util.HashMap<>();
    /** Servers PROMOTE found out of recovery (a fenced former primary): nothing to detach, nothing to repoint. */
    final java.util.Set<String> outOfRecovery = new java.util.HashSet<>();
    /** Each detached standby's primary_conninfo before detaching, for REROUTE to repoint. */
    final java.util.Map<String, String> savedConninfo = new java.util.HashMap<>();
    /** Standbys that could not be detached, and why. */
    final java.util.Map<String, String> detachFailures = new java.util.HashMap<>();
}
