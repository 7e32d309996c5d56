package io.meridian.client.grpc;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.meridian.api.v1.TopologyServiceGrpc;
import io.meridian.api.v1.WatchTopologyRequest;
import io.meridian.client.Backoff;
import io.meridian.client.TopologyWatch;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.TopologyEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A topology watch that reconnects with backoff and resumes from the last event it delivered. It checks that every
 * delta follows the one before it; a gap (which a correct server never produces) restarts the watch from scratch,
 * so the listener never applies a delta to the wrong state. A stream silent for longer than {@link #SILENCE_LIMIT}
 * (the server sends heartbeats every second) is treated as broken.
 */
final class GrpcTopologyWatch implements TopologyWatch {
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(5);

    private final TopologyServiceGrpc.TopologyServiceStub stub;
    private final String target;
    private final Listener listener;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final Clock clock;

    private JournalPosition position = JournalPosition.START;
    private ClientCallStreamObserver<WatchTopologyRequest> call;
    private ScheduledFuture<?> pending;
    private Instant lastContact;
    private Instant lastEvent;
    private int failures;
    private boolean live;
    private boolean closed;
    private long generation;

    GrpcTopologyWatch(TopologyServiceGrpc.TopologyServiceStub stub, String target, Listener listener,
                      ScheduledExecutorService scheduler, Backoff backoff, Clock clock) {
        this.stub = stub;
        this.target = target;
        this.listener = listener;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.clock = clock;
    }

    synchronized void open() {
        if (closed) {
            return;
        }
        long mine = ++generation;
        live = false;
        lastEvent = clock.instant();
        listener.onStatus(new StreamStatus.Connecting(failures + 1));
        var request = WatchTopologyRequest.newBuilder()
                .setResumeJournalId(position.journalId())
                .setResumeAfterSequence(position.sequence())
                .build();
        stub.watchTopology(request, new ClientResponseObserver<WatchTopologyRequest, io.meridian.api.v1.TopologyEvent>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<WatchTopologyRequest> requestStream) {
                synchronized (GrpcTopologyWatch.this) {
                    call = requestStream;
                }
            }

            @Override
            public void onNext(io.meridian.api.v1.TopologyEvent event) {
                receive(mine, event);
            }

            @Override
            public void onError(Throwable t) {
                broken(mine, describe(t));
            }

            @Override
            public void onCompleted() {
                broken(mine, "the backend closed the stream");
            }
        });
        pending = scheduler.schedule(() -> checkSilence(mine), SILENCE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void receive(long mine, io.meridian.api.v1.TopologyEvent proto) {
        if (closed || mine != generation) {
            return;
        }
        TopologyEvent event;
        try {
            event = TopologyMapper.fromProto(proto);
        } catch (ProtocolException e) {
            restartFromScratch(mine, e.getMessage());
            return;
        }
        var at = event.position();
        switch (event) {
            case TopologyEvent.Snapshot s -> position = at;
            case TopologyEvent.Delta d -> {
                if (!at.journalId().equals(position.journalId()) || at.sequence() != position.sequence() + 1) {
                    restartFromScratch(mine, "delta " + at.sequence() + " does not follow " + position.sequence());
                    return;
                }
                position = at;
            }
            case TopologyEvent.Heartbeat h -> {
                if (!at.equals(position)) {
                    restartFromScratch(mine, "heartbeat at " + at.sequence() + " while at " + position.sequence());
                    return;
                }
            }
        }
        lastContact = clock.instant();
        lastEvent = lastContact;
        failures = 0;
        if (!live) {
            live = true;
            listener.onStatus(new StreamStatus.Live(lastContact));
        }
        listener.onEvent(event);
    }

    /** Drops the resume position so the next stream starts with a snapshot, then reconnects. */
    private void restartFromScratch(long mine, String why) {
        position = JournalPosition.START;
        broken(mine, "inconsistent stream from " + target + ": " + why);
    }

    private synchronized void broken(long mine, String cause) {
        if (closed || mine != generation) {
            return;
        }
        generation++;
        if (call != null) {
            call.cancel("reconnecting", null);
            call = null;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        failures++;
        var delay = backoff.delay(failures);
        listener.onStatus(new StreamStatus.Reconnecting(lastContact, failures, delay, cause));
        pending = scheduler.schedule(this::open, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void checkSilence(long mine) {
        if (closed || mine != generation) {
            return;
        }
        var silent = Duration.between(lastEvent, clock.instant());
        if (silent.compareTo(SILENCE_LIMIT) >= 0) {
            broken(mine, "no event from " + target + " for " + silent.toSeconds() + " s");
        } else {
            pending = scheduler.schedule(() -> checkSilence(mine), SILENCE_LIMIT.minus(silent).toMillis() + 1,
                    TimeUnit.MILLISECONDS);
        }
    }

    private String describe(Throwable t) {
        var status = Status.fromThrowable(t);
        return switch (status.getCode()) {
            case UNAVAILABLE -> target + " unreachable" + GrpcErrors.rootCause(t);
            case UNIMPLEMENTED -> target + " does not offer meridian.v1 topology";
            default -> status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
        };
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel(false);
        }
        if (call != null) {
            call.cancel("watch closed", null);
        }
    }
}
