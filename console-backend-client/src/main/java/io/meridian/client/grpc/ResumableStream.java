package io.meridian.client.grpc;

import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.meridian.client.Backoff;
import io.meridian.client.StreamStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A server stream that reconnects with backoff and resumes from where it stopped. Subclasses open the call from
 * their resume position and check each message; a message that does not follow (which a correct server never
 * sends) makes the stream drop its position and start over, so a receiver never applies an update to the wrong
 * state. A stream silent for longer than {@link #SILENCE_LIMIT} (servers send heartbeats every second) is treated
 * as broken. Everything here runs under this object's lock, so receivers are called one at a time, in order.
 *
 * @param <Q> request type
 * @param <R> response message type
 */
abstract class ResumableStream<Q, R> implements AutoCloseable {
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(5);

    private final String target;
    private final String what;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final Clock clock;
    private final Consumer<StreamStatus> status;

    private ClientCallStreamObserver<Q> call;
    private ScheduledFuture<?> pending;
    private Instant lastContact;
    private Instant lastMessage;
    private int failures;
    private boolean live;
    private boolean closed;
    private long generation;

    ResumableStream(String target, String what, ScheduledExecutorService scheduler, Backoff backoff, Clock clock,
                    Consumer<StreamStatus> status) {
        this.target = target;
        this.what = what;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.clock = clock;
        this.status = status;
    }

    /** Starts the call from the current resume position, delivering to {@code observer}. */
    protected abstract void call(ClientResponseObserver<Q, R> observer);

    /**
     * Checks and delivers one message; returns null when it was delivered, or why it does not follow the stream
     * so far (the stream then restarts from scratch).
     */
    protected abstract String receive(R message);

    /** Forgets the resume position, so the next call starts with a snapshot. */
    protected abstract void forgetPosition();

    /** What a failed call means, in words for the status bar. */
    private String describe(Status status) {
        return switch (status.getCode()) {
            case UNAVAILABLE -> target + " unreachable";
            case UNIMPLEMENTED -> target + " does not offer meridian.v1 " + what;
            default -> status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
        };
    }

    synchronized void open() {
        if (closed) {
            return;
        }
        long mine = ++generation;
        live = false;
        lastMessage = clock.instant();
        status.accept(new StreamStatus.Connecting(failures + 1));
        call(new ClientResponseObserver<>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<Q> requestStream) {
                synchronized (ResumableStream.this) {
                    call = requestStream;
                }
            }

            @Override
            public void onNext(R message) {
                deliver(mine, message);
            }

            @Override
            public void onError(Throwable t) {
                broken(mine, describe(Status.fromThrowable(t)) + (Status.fromThrowable(t).getCode()
                        == Status.Code.UNAVAILABLE ? GrpcErrors.rootCause(t) : ""));
            }

            @Override
            public void onCompleted() {
                broken(mine, "the backend closed the stream");
            }
        });
        pending = scheduler.schedule(() -> checkSilence(mine), SILENCE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void deliver(long mine, R message) {
        if (closed || mine != generation) {
            return;
        }
        String problem;
        try {
            problem = receive(message);
        } catch (ProtocolException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            forgetPosition();
            broken(mine, "inconsistent stream from " + target + ": " + problem);
            return;
        }
        lastContact = clock.instant();
        lastMessage = lastContact;
        failures = 0;
        if (!live) {
            live = true;
            status.accept(new StreamStatus.Live(lastContact));
        }
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
        status.accept(new StreamStatus.Reconnecting(lastContact, failures, delay, cause));
        pending = scheduler.schedule(this::open, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void checkSilence(long mine) {
        if (closed || mine != generation) {
            return;
        }
        var silent = Duration.between(lastMessage, clock.instant());
        if (silent.compareTo(SILENCE_LIMIT) >= 0) {
            broken(mine, "no message from " + target + " for " + silent.toSeconds() + " s");
        } else {
            pending = scheduler.schedule(() -> checkSilence(mine), SILENCE_LIMIT.minus(silent).toMillis() + 1,
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel(false);
        }
        if (call != null) {
            call.cancel("stream closed", null);
        }
    }
}
