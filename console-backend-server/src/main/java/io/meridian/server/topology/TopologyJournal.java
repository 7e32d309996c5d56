package io.meridian.server.topology;

import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.SnapshotReason;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyDelta;
import io.meridian.model.topology.TopologyEvent;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Numbers topology changes and keeps the most recent ones, so a watcher that reconnects receives exactly what it
 * missed. The journal's first state has sequence 1; each delta adds one. Subscribers are called in sequence order
 * while the journal's lock is held, so they must only enqueue.
 */
public final class TopologyJournal {
    private final String journalId = UUID.randomUUID().toString();
    private final int retainedDeltas;
    private final Clock clock;
    private final ArrayDeque<TopologyEvent.Delta> history = new ArrayDeque<>();
    private final List<Consumer<TopologyEvent>> subscribers = new ArrayList<>();
    private Topology current;
    private long sequence = 1;

    public TopologyJournal(Topology initial, int retainedDeltas, Clock clock) {
        if (retainedDeltas < 1) {
            throw new IllegalArgumentException("retainedDeltas must be at least 1: " + retainedDeltas);
        }
        this.current = initial;
        this.retainedDeltas = retainedDeltas;
        this.clock = clock;
    }

    public String journalId() {
        return journalId;
    }

    /** Records a change and passes it to every subscriber; an empty change is not recorded. */
    public synchronized void append(TopologyDelta delta) {
        if (delta.isEmpty()) {
            return;
        }
        current = current.apply(delta);
        sequence++;
        var event = new TopologyEvent.Delta(new JournalPosition(journalId, sequence), clock.instant(), delta);
        history.addLast(event);
        if (history.size() > retainedDeltas) {
            history.removeFirst();
        }
        subscribers.forEach(subscriber -> subscriber.accept(event));
    }

    /** The current state as a snapshot event. */
    public synchronized TopologyEvent.Snapshot snapshot(SnapshotReason reason) {
        return new TopologyEvent.Snapshot(position(), clock.instant(), reason, current);
    }

    /** Where the journal stands now. */
    public synchronized JournalPosition position() {
        return new JournalPosition(journalId, sequence);
    }

    /**
     * Subscribes from a resume position. The subscriber first receives either every delta after that position (when
     * the journal still holds them all) or a snapshot saying why not, then every later delta; no event is missed or
     * repeated between the two. Returns the action that unsubscribes.
     */
    public synchronized Runnable subscribe(JournalPosition resumeFrom, Consumer<TopologyEvent> subscriber) {
        var reason = resumeProblem(resumeFrom);
        if (reason == null) {
            history.stream().filter(d -> d.position().sequence() > resumeFrom.sequence()).forEach(subscriber);
        } else {
            subscriber.accept(snapshot(reason));
        }
        subscribers.add(subscriber);
        return () -> unsubscribe(subscriber);
    }

    private synchronized void unsubscribe(Consumer<TopologyEvent> subscriber) {
        subscribers.remove(subscriber);
    }

    /** Null when the journal can replay from {@code from}; otherwise why the subscriber needs a snapshot. */
    private SnapshotReason resumeProblem(JournalPosition from) {
        if (from.journalId().isEmpty()) {
            return SnapshotReason.INITIAL;
        }
        if (!from.journalId().equals(journalId) || from.sequence() > sequence || from.sequence() < 1) {
            return SnapshotReason.JOURNAL_CHANGED;
        }
        long oldestReplayable = history.isEmpty() ? sequence + 1 : history.getFirst().position().sequence();
        return from.sequence() + 1 >= oldestReplayable ? null : SnapshotReason.HISTORY_UNAVAILABLE;
    }
}
