package io.meridian.server.telemetry;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.SnapshotReason;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The latest value of every telemetry key, numbered, with a bounded history per key. Every accepted sample gets the
 * next sequence number, so "every key that changed after sequence N" is exactly what a resuming client needs:
 * telemetry is latest-wins state, not a log. Subscribers are called under the hub's lock and must only enqueue.
 */
public final class TelemetryHub {
    /** A key's latest sample and the sequence number it got. */
    public record Entry(long sequence, TelemetrySample sample) {}

    /** Receives a subscription's first entries, then every later batch, under the hub's lock. */
    public interface Subscriber {
        /** The entries a new subscriber needs; {@code snapshot} is non-null when they replace all state. */
        void initial(List<Entry> entries, SnapshotReason snapshot);

        /** Entries accepted after subscribing. */
        void next(List<Entry> entries);
    }

    private final String journalId = UUID.randomUUID().toString();
    private final int historyPerKey;
    private final Map<String, Entry> latest = new HashMap<>();
    private final Map<String, ArrayDeque<TelemetrySample>> history = new HashMap<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private long sequence;

    public TelemetryHub(int historyPerKey) {
        if (historyPerKey < 1) {
            throw new IllegalArgumentException("historyPerKey must be at least 1: " + historyPerKey);
        }
        this.historyPerKey = historyPerKey;
    }

    public String journalId() {
        return journalId;
    }

    public synchronized JournalPosition position() {
        return new JournalPosition(journalId, sequence);
    }

    /** Numbers and stores samples, then passes them to every subscriber. */
    public synchronized void accept(List<TelemetrySample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        var entries = new ArrayList<Entry>(samples.size());
        for (var sample : samples) {
            var entry = new Entry(++sequence, sample);
            latest.put(sample.key(), entry);
            var ring = history.computeIfAbsent(sample.key(), k -> new ArrayDeque<>());
            ring.addLast(sample);
            if (ring.size() > historyPerKey) {
                ring.removeFirst();
            }
            entries.add(entry);
        }
        subscribers.forEach(s -> s.next(entries));
    }

    /**
     * Subscribes. A subscriber resuming in this journal first gets every key changed after {@code resumeAfter};
     * any other gets every key as a snapshot saying why. Later samples follow as they arrive. Returns the action
     * that unsubscribes.
     */
    public synchronized Runnable subscribe(String resumeJournalId, long resumeAfter, Subscriber subscriber) {
        SnapshotReason reason = resumeJournalId.isEmpty() ? SnapshotReason.INITIAL
                : journalId.equals(resumeJournalId) && resumeAfter <= sequence ? null
                : SnapshotReason.JOURNAL_CHANGED;
        var initial = latest.values().stream()
                .filter(e -> reason != null || e.sequence() > resumeAfter)
                .sorted(Comparator.comparingLong(Entry::sequence))
                .toList();
        subscriber.initial(initial, reason);
        subscribers.add(subscriber);
        return () -> unsubscribe(subscriber);
    }

    private synchronized void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** Whether the hub has ever seen this key. */
    public synchronized boolean knows(String key) {
        return latest.containsKey(key);
    }

    /** The recorded samples of a key, oldest first. */
    public synchronized List<TelemetrySample> history(String key) {
        var ring = history.get(key);
        return ring == null ? List.of() : List.copyOf(ring);
    }

    /** The last recorded sample of a key observed at or before {@code at}, without copying the key's history. */
    public synchronized Optional<TelemetrySample> lastAtOrBefore(String key, Instant at) {
        var ring = history.get(key);
        if (ring != null) {
            for (var it = ring.descendingIterator(); it.hasNext(); ) {
                var sample = it.next();
                if (!sample.observedAt().isAfter(at)) {
                    return Optional.of(sample);
                }
            }
        }
        return Optional.empty();
    }

    /** The latest sample of every key, by key. */
    public synchronized Map<String, TelemetrySample> latest() {
        var copy = new LinkedHashMap<String, TelemetrySample>();
        latest.forEach((k, e) -> copy.put(k, e.sample()));
        return copy;
    }
}
