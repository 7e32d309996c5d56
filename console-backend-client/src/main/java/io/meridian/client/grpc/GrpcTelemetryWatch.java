package io.meridian.client.grpc;

import io.grpc.stub.ClientResponseObserver;
import io.meridian.api.v1.StreamTelemetryRequest;
import io.meridian.api.v1.TelemetryServiceGrpc;
import io.meridian.client.Backoff;
import io.meridian.client.TelemetryWatch;
import io.meridian.model.topology.JournalPosition;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The telemetry stream: latest-wins state per key, so resuming means "every key that changed after my sequence";
 * batches of one journal never go back in sequence.
 */
final class GrpcTelemetryWatch extends ResumableStream<StreamTelemetryRequest, io.meridian.api.v1.TelemetryBatch>
        implements TelemetryWatch {
    private final TelemetryServiceGrpc.TelemetryServiceStub stub;
    private final int maxSamplesPerSecond;
    private final Listener listener;
    private JournalPosition position = JournalPosition.START;

    GrpcTelemetryWatch(TelemetryServiceGrpc.TelemetryServiceStub stub, String target, int maxSamplesPerSecond,
                       Listener listener, ScheduledExecutorService scheduler, Backoff backoff, Clock clock) {
        super(target, "telemetry", scheduler, backoff, clock, listener::onStatus);
        this.stub = stub;
        this.maxSamplesPerSecond = maxSamplesPerSecond;
        this.listener = listener;
    }

    @Override
    protected void call(ClientResponseObserver<StreamTelemetryRequest, io.meridian.api.v1.TelemetryBatch> observer) {
        stub.streamTelemetry(StreamTelemetryRequest.newBuilder()
                .setMaxSamplesPerSecond(maxSamplesPerSecond)
                .setResumeJournalId(position.journalId())
                .setResumeFromSequence(position.sequence())
                .build(), observer);
    }

    @Override
    protected String receive(io.meridian.api.v1.TelemetryBatch proto) {
        var batch = TelemetryMapper.fromProto(proto);
        var at = batch.position();
        if (!batch.snapshot()) {
            if (!at.journalId().equals(position.journalId())) {
                return "batch of journal " + at.journalId() + " without a snapshot";
            }
            if (at.sequence() < position.sequence()) {
                return "batch at " + at.sequence() + " after " + position.sequence();
            }
        }
        position = at;
        listener.onBatch(batch);
        return null;
    }

    @Override
    protected void forgetPosition() {
        position = JournalPosition.START;
    }
}
