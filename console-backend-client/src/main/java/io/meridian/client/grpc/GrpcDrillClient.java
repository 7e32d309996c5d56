package io.meridian.client.grpc;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.meridian.api.v1.AbortDrillRequest;
import io.meridian.api.v1.ConfirmDrillStepRequest;
import io.meridian.api.v1.DrillReport;
import io.meridian.api.v1.DrillServiceGrpc;
import io.meridian.api.v1.GetDrillReportRequest;
import io.meridian.api.v1.ListDrillsRequest;
import io.meridian.client.Backoff;
import io.meridian.client.BackendException;
import io.meridian.client.DrillClient;
import io.meridian.client.DrillWatch;
import io.meridian.model.drill.Drill;
import io.meridian.model.drill.DrillRequest;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** {@link DrillClient} over meridian.v1.DrillService. */
final class GrpcDrillClient implements DrillClient {
    private final Channel channel;
    private final String target;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    GrpcDrillClient(Channel channel, String target, ScheduledExecutorService scheduler, Clock clock) {
        this.channel = channel;
        this.target = target;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public Drill start(DrillRequest request) throws BackendException {
        return call(stub -> stub.startDrill(DrillMapper.toProto(request)));
    }

    @Override
    public Drill abort(String drillId, String reason) throws BackendException {
        return call(stub -> stub.abortDrill(AbortDrillRequest.newBuilder().setDrillId(drillId).setReason(reason)
                .build()));
    }

    @Override
    public Drill confirmStep(String drillId, String stepId, String note) throws BackendException {
        return call(stub -> stub.confirmDrillStep(ConfirmDrillStepRequest.newBuilder().setDrillId(drillId)
                .setStepId(stepId).setNote(note).build()));
    }

    @Override
    public Drill report(String drillId) throws BackendException {
        return call(stub -> stub.getDrillReport(GetDrillReportRequest.newBuilder().setDrillId(drillId).build()));
    }

    @Override
    public List<Drill> list() throws BackendException {
        try {
            return blocking().listDrills(ListDrillsRequest.getDefaultInstance()).getDrillsList().stream()
                    .map(DrillMapper::fromProto).toList();
        } catch (StatusRuntimeException e) {
            throw GrpcErrors.translate(target, e);
        }
    }

    @Override
    public DrillWatch watch(String drillId, DrillWatch.Listener listener) {
        var watch = new GrpcDrillWatch(DrillServiceGrpc.newStub(channel), target, drillId, listener, scheduler,
                Backoff.standard(), clock);
        watch.open();
        return watch;
    }

    private Drill call(Function<DrillServiceGrpc.DrillServiceBlockingStub, DrillReport> rpc) throws BackendException {
        try {
            return DrillMapper.fromProto(rpc.apply(blocking()));
        } catch (StatusRuntimeException e) {
            throw GrpcErrors.translate(target, e);
        }
    }

    private DrillServiceGrpc.DrillServiceBlockingStub blocking() {
        return DrillServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(GrpcBackend.UNARY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
