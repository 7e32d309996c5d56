package io.meridian.sim;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.meridian.api.v1.ClearFaultsRequest;
import io.meridian.api.v1.CrashReplicaRequest;
import io.meridian.api.v1.FailRegionRequest;
import io.meridian.api.v1.FaultReceipt;
import io.meridian.api.v1.InjectLagSpikeRequest;
import io.meridian.api.v1.PartitionLinkRequest;
import io.meridian.api.v1.ShiftWorkloadRequest;
import io.meridian.api.v1.SimulatorControlServiceGrpc;
import io.meridian.api.v1.SkewClockRequest;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.model.topology.Region;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * meridian.v1.SimulatorControlService: fault injection into the simulated platform. Only the simulator offers it;
 * every request is checked (known target, sensible magnitude and duration) before anything changes.
 */
final class SimulatorControlService extends SimulatorControlServiceGrpc.SimulatorControlServiceImplBase {
    static final Duration MAX_DURATION = Duration.ofHours(6);

    private final SimulatedPlatform platform;

    SimulatorControlService(SimulatedPlatform platform) {
        this.platform = platform;
    }

    @Override
    public void injectLagSpike(InjectLagSpikeRequest r, StreamObserver<FaultReceipt> responses) {
        answer(responses, () -> {
            requireLink(r.getLinkId());
            requireRange("extra_lag_seconds", r.getExtraLagSeconds(), 0.001, 86_400);
            return platform.inject(Faults.Kind.LAG_SPIKE, r.getLinkId(), r.getExtraLagSeconds(),
                    duration(r.getDuration()));
        });
    }

    @Override
    public void partitionLink(PartitionLinkRequest r, StreamObserver<FaultReceipt> responses) {
        answer(responses, () -> {
            requireLink(r.getLinkId());
            return platform.inject(Faults.Kind.PARTITION, r.getLinkId(), 1, duration(r.getDuration()));
        });
    }

    @Override
    public void skewClock(SkewClockRequest r, StreamObserver<FaultReceipt> responses) {
        answer(responses, () -> {
            require("replica", r.getReplicaId(), topology().clusters().stream()
                    .flatMap(c -> c.replicas().stream()).map(Replica::id));
            requireRange("offset_micros", Math.abs(r.getOffsetMicros()), 0.001, 60_000_000);
            return platform.inject(Faults.Kind.CLOCK_SKEW, r.getReplicaId(), r.getOffsetMicros(),
                    duration(r.getDuration()));
        });
    }

    @Override
    public void shiftWorkload(ShiftWorkloadRequest r, StreamObserver<FaultReceipt> responses) {
        answer(responses, () -> {
            require("region", r.getRegionId(), topology().regions().stream().map(Region::id));
            requireRange("latency_factor", r.getLatencyFactor(), 0.1, 100);
            return platform.inject(Faults.Kind.WORKLOAD_SHIFT, r.getRegionId(), r.getLatencyFactor(),
                    duration(r.getDuration()));
        });
    }

    @Override
    public void crashReplica(CrashReplicaRequest r, StreamObserver<FaultReceipt> responses) {
        answer(responses, () -> {
            require("replica", r.getReplicaId(), topology().clusters().stream()
                    .flatMap(c -> c.replicas().stream()).map(Replica::id));
            return platform.inject(Faults.Kind.REPLICA_CRASH, r.getReplicaId(), 1, duration(r.getDuration()));
        });
    }

    @Override
    public void failRegion(FailRegionRequest r, StreamObserver<FaultReceipt> responses) {
        answer(responses, () -> {
            require("region", r.getRegionId(), topology().regions().stream().map(Region::id));
            return platform.inject(Faults.Kind.REGION_OUTAGE, r.getRegionId(), 1, duration(r.getDuration()));
        });
    }

    @Override
    public void clearFaults(ClearFaultsRequest r, StreamObserver<FaultReceipt> responses) {
        answer(responses, () -> {
            platform.clearFaults();
            return "all faults cleared";
        });
    }

    private Topology topology() {
        return platform.topology();
    }

    private void requireLink(String linkId) {
        require("link", linkId, topology().links().stream().map(ReplicationLink::id));
    }

    private static void require(String what, String id, Stream<String> known) {
        if (known.noneMatch(id::equals)) {
            throw Status.NOT_FOUND.withDescription("no " + what + " '" + id + "' in this scenario")
                    .asRuntimeException();
        }
    }

    private static void requireRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw Status.INVALID_ARGUMENT.withDescription(field + " must be between " + min + " and " + max
                    + ", was " + value).asRuntimeException();
        }
    }

    private static Duration duration(com.google.protobuf.Duration proto) {
        var duration = ProtoTime.duration(proto);
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw Status.INVALID_ARGUMENT.withDescription("duration must be above zero and at most "
                    + MAX_DURATION.toHours() + " h, was " + duration).asRuntimeException();
        }
        return duration;
    }

    private void answer(StreamObserver<FaultReceipt> responses, Supplier<String> action) {
        try {
            var description = action.get();
            responses.onNext(FaultReceipt.newBuilder().setDescription(description)
                    .setActiveFaults(platform.activeFaults()).build());
            responses.onCompleted();
        } catch (StatusRuntimeException e) {
            responses.onError(e);
        }
    }
}
