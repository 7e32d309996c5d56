package io.meridian.server.telemetry;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.meridian.api.v1.GetTelemetryHistoryRequest;
import io.meridian.api.v1.GetTelemetryHistoryResponse;
import io.meridian.api.v1.StreamTelemetryRequest;
import io.meridian.api.v1.TelemetryServiceGrpc;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.client.grpc.TelemetryMapper;
import io.meridian.model.telemetry.TelemetrySample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** meridian.v1.TelemetryService over a {@link TelemetryHub}. */
public final class TelemetryService extends TelemetryServiceGrpc.TelemetryServiceImplBase {
    static final int DEFAULT_RATE = 1_000;
    static final int MAX_RATE = 100_000;
    static final Duration FLUSH_EVERY = Duration.ofMillis(50);

    private final TelemetryHub hub;
    private final Clock clock;
    private final Set<TelemetryStream> streams = ConcurrentHashMap.newKeySet();

    public TelemetryService(TelemetryHub hub, Clock clock, ScheduledExecutorService scheduler) {
        this.hub = hub;
        this.clock = clock;
        scheduler.scheduleAtFixedRate(() -> streams.forEach(TelemetryStream::flush), FLUSH_EVERY.toMillis(),
                FLUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void streamTelemetry(StreamTelemetryRequest request,
                                StreamObserver<io.meridian.api.v1.TelemetryBatch> responses) {
        int rate = request.getMaxSamplesPerSecond() == 0 ? DEFAULT_RATE
                : Math.min(MAX_RATE, request.getMaxSamplesPerSecond());
        var observer = (ServerCallStreamObserver<io.meridian.api.v1.TelemetryBatch>) responses;
        var stream = new TelemetryStream(observer, hub.journalId(), request.getResumeFromSequence(), rate, clock);
        var unsubscribe = hub.subscribe(request.getResumeJournalId(), request.getResumeFromSequence(), stream);
        // gRPC runs these handlers only after this method returns, so both see a complete subscription.
        observer.setOnReadyHandler(stream::flush);
        observer.setOnCancelHandler(() -> {
            streams.remove(stream);
            stream.close();
            unsubscribe.run();
        });
        streams.add(stream);
    }

    @Override
    public void getTelemetryHistory(GetTelemetryHistoryRequest request,
                                    StreamObserver<GetTelemetryHistoryResponse> responses) {
        var key = request.getKey();
        if (!hub.knows(key)) {
            responses.onError(Status.NOT_FOUND.withDescription("no telemetry key '" + key + "' (keys look like "
                    + "lag/<link id>, clock/<replica id>, drift/<region id>, service/<region id>)").asRuntimeException());
            return;
        }
        var window = ProtoTime.duration(request.getWindow());
        var resolution = ProtoTime.duration(request.getResolution());
        if (window.isNegative() || resolution.isNegative()) {
            responses.onError(Status.INVALID_ARGUMENT.withDescription("window and resolution must not be negative")
                    .asRuntimeException());
            return;
        }
        var since = window.isZero() ? Instant.MIN : clock.instant().minus(window);
        var response = GetTelemetryHistoryResponse.newBuilder().setKey(key);
        downsample(hub.history(key), since, resolution).forEach(s -> response.addSamples(TelemetryMapper.toProto(s)));
        responses.onNext(response.build());
        responses.onCompleted();
    }

    /** Samples observed since {@code since}, keeping the last of each resolution step (all when zero). */
    static List<TelemetrySample> downsample(List<TelemetrySample> samples, Instant since, Duration resolution) {
        var kept = new ArrayList<TelemetrySample>();
        long step = resolution.toMillis();
        long currentBucket = Long.MIN_VALUE;
        for (var sample : samples) {
            if (sample.observedAt().isBefore(since)) {
                continue;
            }
            long bucket = step <= 0 ? kept.size() : Math.floorDiv(sample.observedAt().toEpochMilli(), step);
            if (step > 0 && bucket == currentBucket) {
                kept.set(kept.size() - 1, sample);
            } else {
                kept.add(sample);
                currentBucket = bucket;
            }
        }
        return kept;
    }

    /** Ends every open stream cleanly, for a graceful shutdown. */
    public void completeAll() {
        streams.forEach(TelemetryStream::complete);
        streams.clear();
    }
}
