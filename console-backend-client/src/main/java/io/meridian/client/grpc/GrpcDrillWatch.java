package io.meridian.client.grpc;

import io.grpc.stub.ClientResponseObserver;
import io.meridian.api.v1.DrillEvent;
import io.meridian.api.v1.DrillServiceGrpc;
import io.meridian.api.v1.WatchDrillRequest;
import io.meridian.client.Backoff;
import io.meridian.client.DrillWatch;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The watch of one drill. Every event carries the whole drill, so resuming after a break needs no position: the
 * first event of the new call brings the client up to date. It closes itself after the drill's last event.
 */
final class GrpcDrillWatch extends ResumableStream<WatchDrillRequest, DrillEvent> implements DrillWatch {
    private final DrillServiceGrpc.DrillServiceStub stub;
    private final String drillId;
    private final Listener listener;

    GrpcDrillWatch(DrillServiceGrpc.DrillServiceStub stub, String target, String drillId, Listener listener,
                   ScheduledExecutorService scheduler, Backoff backoff, Clock clock) {
        super(target, "drills", scheduler, backoff, clock, listener::onStatus);
        this.stub = stub;
        this.drillId = drillId;
        this.listener = listener;
    }

    @Override
    protected void call(ClientResponseObserver<WatchDrillRequest, DrillEvent> observer) {
        stub.watchDrill(WatchDrillRequest.newBuilder().setDrillId(drillId).build(), observer);
    }

    @Override
    protected String receive(DrillEvent event) {
        if (event.getHeartbeat()) {
            return null;
        }
        if (!event.hasDrill()) {
            return "drill event without the drill";
        }
        listener.onDrill(DrillMapper.fromProto(event.getDrill()), event.getLast());
        if (event.getLast()) {
            close();
        }
        return null;
    }

    @Override
    protected void forgetPosition() {
        // Nothing to forget: every event carries the whole drill.
    }
}
