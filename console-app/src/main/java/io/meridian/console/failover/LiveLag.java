package io.meridian.console.failover;

import java.time.Instant;
import java.util.Optional;

/**
 * The latest replication lag into a replica, as the telemetry stream reports it now: the dry run's figure was true
 * when the backend computed it, this one is live, so a decider sees whether the candidate is still catching up.
 */
@FunctionalInterface
public interface LiveLag {
    /** A lag figure behind the replica it replicates from, and when it was true on the console's clock. */
    record Reading(String behindReplicaId, double seconds, long bytes, Instant asOf) {
    }

    Optional<Reading> into(String replicaId);
}
