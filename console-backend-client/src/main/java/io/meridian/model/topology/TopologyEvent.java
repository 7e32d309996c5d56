package io.meridian.model.topology;

import java.time.Instant;

/** One event of a topology watch, numbered within its journal. */
public sealed interface TopologyEvent {
    JournalPosition position();

    Instant time();

    /** The whole topology, replacing what the watcher held. */
    record Snapshot(JournalPosition position, Instant time, SnapshotReason reason, Topology topology)
            implements TopologyEvent {}

    /** A change to the state at {@code position.sequence() - 1}. */
    record Delta(JournalPosition position, Instant time, TopologyDelta delta) implements TopologyEvent {}

    /** Nothing changed; the stream is alive. Its position is the last one sent. */
    record Heartbeat(JournalPosition position, Instant time) implements TopologyEvent {}
}
