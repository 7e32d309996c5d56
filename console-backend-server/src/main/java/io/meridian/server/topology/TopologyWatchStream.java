package io.meridian.server.topology;

import io.grpc.stub.ServerCallStreamObserver;
import io.meridian.client.grpc.TopologyMapper;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.SnapshotReason;
import io.meridian.model.topology.TopologyEvent;
import java.time.Clock;
import java.util.ArrayDeque;

/**
 * One client's topology watch with gRPC flow control: events wait in a bounded backlog until the transport is
 * ready. A client that falls more than {@code maxBacklog} events behind gets its backlog replaced by one snapshot
 * of the current state, so a slow console never makes the server buffer without bound.
 */
final class TopologyWatchStream {
    private final ServerCallStreamObserver<io.meridian.api.v1.TopologyEvent> observer;
    private final TopologyJournal journal;
    private final int maxBacklog;
    private final Clock clock;
    private final ArrayDeque<TopologyEvent> backlog = new ArrayDeque<>();
    /** The last position this client holds: sent to it, or the one it resumed from. */
    private JournalPosition lastSent;
    private boolean closed;
    private volatile Runnable unsubscribe = () -> { };

    TopologyWatchStream(ServerCallStreamObserver<io.meridian.api.v1.TopologyEvent> observer, TopologyJournal journal,
                        int maxBacklog, Clock clock) {
        this.observer = observer;
        this.journal = journal;
        this.maxBacklog = maxBacklog;
        this.clock = clock;
    }

    /** Subscribes to the journal from the client's resume position. */
    void start(JournalPosition resumeFrom) {
        synchronized (this) {
            lastSent = resumeFrom.journalId().equals(journal.journalId()) ? resumeFrom : null;
        }
        unsubscribe = journal.subscribe(resumeFrom, this::enqueue);
    }

    /** Called by the journal, in sequence order. */
    synchronized void enqueue(TopologyEvent event) {
        if (closed) {
            return;
        }
        if (backlog.size() >= maxBacklog) {
            backlog.clear();
            backlog.add(journal.snapshot(SnapshotReason.SLOW_CONSUMER));
        } else {
            backlog.add(event);
        }
        drain();
    }

    /** Sends a heartbeat when the stream is idle, so the client can tell quiet from dead. */
    synchronized void heartbeat() {
        if (!closed && backlog.isEmpty() && lastSent != null) {
            backlog.add(new TopologyEvent.Heartbeat(lastSent, clock.instant()));
            drain();
        }
    }

    synchronized void drain() {
        while (!closed && observer.isReady() && !backlog.isEmpty()) {
            var event = backlog.removeFirst();
            observer.onNext(TopologyMapper.toProto(event));
            lastSent = event.position();
        }
    }

    /** Stops the watch after the client went away. Unsubscribes outside this stream's lock: the journal calls in. */
    void close() {
        synchronized (this) {
            closed = true;
            backlog.clear();
        }
        unsubscribe.run();
    }

    /** Ends the watch from the server side, for a graceful shutdown. */
    void complete() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            backlog.clear();
            observer.onCompleted();
        }
        unsubscribe.run();
    }
}
