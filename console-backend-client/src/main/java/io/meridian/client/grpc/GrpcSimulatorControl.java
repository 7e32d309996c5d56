package io.meridian.client.grpc;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.meridian.api.v1.ClearFaultsRequest;
import io.meridian.api.v1.CrashReplicaRequest;
import io.meridian.api.v1.FailRegionRequest;
import io.meridian.api.v1.FaultReceipt;
import io.meridian.api.v1.InjectLagSpikeRequest;
import io.meridian.api.v1.PartitionLinkRequest;
import io.meridian.api.v1.ShiftWorkloadRequest;
import io.meridian.api.v1.SimulatorControlServiceGrpc;
import io.meridian.api.v1.SkewClockRequest;
import io.meridian.client.BackendException;
import io.meridian.client.SimulatorControl;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** {@link SimulatorControl} over meridian.v1.SimulatorControlService. */
final class GrpcSimulatorControl implements SimulatorControl {
    private final Channel channel;
    private final String target;

    GrpcSimulatorControl(Channel channel, String target) {
        this.channel = channel;
        this.target = target;
    }

    @Override
    public String injectLagSpike(String linkId, double extraLagSeconds, Duration duration) throws BackendException {
        return call(stub -> stub.injectLagSpike(InjectLagSpikeRequest.newBuilder().setLinkId(linkId)
                .setExtraLagSeconds(extraLagSeconds).setDuration(ProtoTime.duration(duration)).build()));
    }

    @Override
    public String partitionLink(String linkId, Duration duration) throws BackendException {
        return call(stub -> stub.partitionLink(PartitionLinkRequest.newBuilder().setLinkId(linkId)
                .setDuration(ProtoTime.duration(duration)).build()));
    }

    @Override
    public String skewClock(String replicaId, double offsetMicros, Duration duration) throws BackendException {
        return call(stub -> stub.skewClock(SkewClockRequest.newBuilder().setReplicaId(replicaId)
                .setOffsetMicros(offsetMicros).setDuration(ProtoTime.duration(duration)).build()));
    }

    @Override
    public String shiftWorkload(String regionId, double latencyFactor, Duration duration) throws BackendException {
        return call(stub -> stub.shiftWorkload(ShiftWorkloadRequest.newBuilder().setRegionId(regionId)
                .setLatencyFactor(latencyFactor).setDuration(ProtoTime.duration(duration)).build()));
    }

    @Override
    public String crashReplica(String replicaId, Duration duration) throws BackendException {
        return call(stub -> stub.crashReplica(CrashReplicaRequest.newBuilder().setReplicaId(replicaId)
                .setDuration(ProtoTime.duration(duration)).build()));
    }

    @Override
    public String failRegion(String regionId, Duration duration) throws BackendException {
        return call(stub -> stub.failRegion(FailRegionRequest.newBuilder().setRegionId(regionId)
                .setDuration(ProtoTime.duration(duration)).build()));
    }

    @Override
    public String clearFaults() throws BackendException {
        return call(stub -> stub.clearFaults(ClearFaultsRequest.getDefaultInstance()));
    }

    private String call(Function<SimulatorControlServiceGrpc.SimulatorControlServiceBlockingStub, FaultReceipt> rpc)
            throws BackendException {
        try {
            return rpc.apply(SimulatorControlServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(GrpcBackend.UNARY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).getDescription();
        } catch (StatusRuntimeException e) {
            throw GrpcErrors.translate(target, e);
        }
    }
}
