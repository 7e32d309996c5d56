package io.meridian.server.telemetry;

import io.grpc.stub.ServerCallStreamObserver;
import io.meridian.client.grpc.TelemetryMapper;
import io.meridian.model.telemetry.TelemetryBatch;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.SnapshotReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One client's telemetry stream. Pending samples wait in a map keyed by telemetry key (latest wins), ordered by
 * sequence: a key that changes again moves to the end. {@link #flush} sends the oldest pending samples, no more than
 * the client's rate allows and only while the transport is ready, so the batch sequence always covers every sample
 * before it; a slow client costs the server one entry per key, never an unbounded queue.
 */
final class TelemetryStream implements TelemetryHub.Subscriber {
    static final Duration HEARTBEAT = Duration.ofSeconds(1);

    private final ServerCallStreamObserver<io.meridian.api.v1.TelemetryBatch> observer;
    private final String journalId;
    private final int samplesPerSecond;
    private final Clock clock;
    private final LinkedHashMap<String, TelemetryHub.Entry> pending = new LinkedHashMap<>();
    private SnapshotReason pendingSnapshot;
    private long coalesced;
    private long lastSentSequence;
    private Instant lastSentAt;
    private double budget;
    private Instant lastFlush;
    private boolean closed;

    TelemetryStream(ServerCallStreamObserver<io.meridian.api.v1.TelemetryBatch> observer, String journalId,
                    long resumeAfter, int samplesPerSecond, Clock clock) {
        this.observer = observer;
        this.journalId = journalId;
        this.samplesPerSecond = samplesPerSecond;
        this.clock = clock;
        this.lastSentSequence = resumeAfter;
        this.lastFlush = clock.instant();
        this.lastSentAt = Instant.MIN;
    }

    @Override
    public synchronized void initial(List<TelemetryHub.Entry> entries, SnapshotReason snapshot) {
        pendingSnapshot = snapshot;
        if (snapshot != null) {
            lastSentSequence = 0;
        }
        entries.forEach(this::add);
        // A snapshot of an empty hub still tells the client its journal.
        if (snapshot != null && entries.isEmpty()) {
            send(List.of(), 0);
        }
    }

    @Override
    public synchronized void next(List<TelemetryHub.Entry> entries) {
        if (!closed) {
            entries.forEach(this::add);
        }
    }

    private void add(TelemetryHub.Entry entry) {
        if (pending.remove(entry.sample().key()) != null) {
            coalesced++;
        }
        pending.put(entry.sample().key(), entry);
    }

    /** Sends what the rate and the transport allow; called by the service's timer and when the transport is ready. */
    synchronized void flush() {
        if (closed) {
            return;
        }
        var now = clock.instant();
        double elapsed = Math.max(0, Duration.between(lastFlush, now).toNanos() / 1e9);
        lastFlush = now;
        // At most one second of budget saved up, so a pause is not followed by a burst above the rate.
        budget = Math.min(samplesPerSecond, budget + elapsed * samplesPerSecond);
        while (!pending.isEmpty() && observer.isReady() && budget >= 1) {
            int count = (int) Math.min(Math.min(budget, pending.size()), 4096);
            var batch = new ArrayList<TelemetrySample>(count);
            long highest = lastSentSequence;
            var iterator = pending.values().iterator();
            for (int i = 0; i < count; i++) {
                var entry = iterator.next();
                iterator.remove();
                batch.add(entry.sample());
                highest = Math.max(highest, entry.sequence());
            }
            budget -= count;
            send(batch, highest);
        }
        if (pending.isEmpty() && observer.isReady() && Duration.between(lastSentAt, now).compareTo(HEARTBEAT) >= 0) {
            send(List.of(), lastSentSequence);
        }
    }

    private void send(List<TelemetrySample> samples, long highest) {
        lastSentSequence = highest;
        lastSentAt = clock.instant();
        var batch = new TelemetryBatch(new JournalPosition(journalId, highest), lastSentAt, pendingSnapshot, samples,
                coalesced);
        pendingSnapshot = null;
        coalesced = 0;
        observer.onNext(TelemetryMapper.toProto(batch));
    }

    /** Keys waiting to be sent; at most one per key. */
    synchronized int pendingCount() {
        return pending.size();
    }

    synchronized void close() {
        closed = true;
        pending.clear();
    }

    synchronized void complete() {
        if (!closed) {
            closed = true;
            observer.onCompleted();
        }
    }
}
