package io.meridian.postgres.observe;

import io.meridian.model.topology.Health;
import io.meridian.postgres.connect.Server;
import java.time.Duration;
import java.time.Instant;

/**
 * What the observer remembers of one server between probes: the latest probe, the last one that read it, how many
 * probes in a row it has missed, where it last streamed from and its WAL position history. Used by the observation
 * thread only.
 */
final class ServerState {
    final Server server;
    final LsnHistory history;
    ServerStatus latest;
    ServerStatus lastObserved;
    int missed;
    String upstreamReplicaId;
    Health health;
    String healthDetail = "";
    Instant healthSince;
    /** The error last written to the log, so that a lasting failure is logged once, not every second. */
    String lastLogged;

    ServerState(Server server, String upstreamReplicaId, Instant now, Duration historyRetention) {
        this.server = server;
        this.upstreamReplicaId = upstreamReplicaId;
        this.history = new LsnHistory(historyRetention);
        this.healthSince = now;
    }

    void record(ServerStatus status) {
        latest = status;
        if (status.observed()) {
            missed = 0;
            lastObserved = status;
            history.add(status.observedAt(), status.position());
        } else if (status.unreachable()) {
            missed++;
        } else {
            missed = 0;
        }
    }

    /** The server's position as last read, or -1. */
    long lastPosition() {
        return lastObserved == null ? ServerStatus.NONE : lastObserved.position();
    }
}
