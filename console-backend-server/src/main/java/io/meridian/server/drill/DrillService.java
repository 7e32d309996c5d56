package io.meridian.server.drill;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.meridian.api.v1.AbortDrillRequest;
import io.meridian.api.v1.ConfirmDrillStepRequest;
import io.meridian.api.v1.DrillEvent;
import io.meridian.api.v1.DrillReport;
import io.meridian.api.v1.DrillServiceGrpc;
import io.meridian.api.v1.GetDrillReportRequest;
import io.meridian.api.v1.ListDrillsRequest;
import io.meridian.api.v1.ListDrillsResponse;
import io.meridian.api.v1.StartDrillRequest;
import io.meridian.api.v1.WatchDrillRequest;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.server.access.CallerInterceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * meridian.v1.DrillService over {@link Drills}. Roles are checked by the access interceptor before a call arrives
 * (start and abort: incident commanders); confirming a manual step is checked here against the step's person.
 */
public final class DrillService extends DrillServiceGrpc.DrillServiceImplBase {
    private final Drills drills;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Duration heartbeat;

    public DrillService(Drills drills, Clock clock, ScheduledExecutorService scheduler, Duration heartbeat) {
        this.drills = drills;
        this.clock = clock;
        this.scheduler = scheduler;
        this.heartbeat = heartbeat;
    }

    @Override
    public void startDrill(StartDrillRequest request, StreamObserver<DrillReport> responses) {
        answer(responses, () -> drills.start(CallerInterceptor.CALLER.get(), request));
    }

    @Override
    public void abortDrill(AbortDrillRequest request, StreamObserver<DrillReport> responses) {
        answer(responses, () -> drills.abort(CallerInterceptor.CALLER.get(), request));
    }

    @Override
    public void getDrillReport(GetDrillReportRequest request, StreamObserver<DrillReport> responses) {
        answer(responses, () -> drills.get(request.getDrillId()));
    }

    @Override
    public void listDrills(ListDrillsRequest request, StreamObserver<ListDrillsResponse> responses) {
        answer(responses, () -> ListDrillsResponse.newBuilder().addAllDrills(drills.list()).build());
    }

    @Override
    public void confirmDrillStep(ConfirmDrillStepRequest request, StreamObserver<DrillReport> responses) {
        answer(responses, () -> drills.confirm(CallerInterceptor.CALLER.get(), request.getDrillId(),
                request.getStepId(), request.getNote()));
    }

    @Override
    public void watchDrill(WatchDrillRequest request, StreamObserver<DrillEvent> responses) {
        var call = (ServerCallStreamObserver<DrillEvent>) responses;
        var lock = new Object();
        var beat = new ScheduledFuture<?>[1];
        Runnable unwatch;
        try {
            synchronized (lock) {
                unwatch = drills.watch(request.getDrillId(), (report, added, last) -> {
                    synchronized (lock) {
                        if (call.isCancelled()) {
                            return;
                        }
                        try {
                            call.onNext(DrillEvent.newBuilder().setTime(ProtoTime.timestamp(clock.instant()))
                                    .setDrill(report).addAllAdded(added).setLast(last).build());
                            if (last) {
                                call.onCompleted();
                                if (beat[0] != null) {
                                    beat[0].cancel(false);
                                }
                            }
                        } catch (IllegalStateException | StatusRuntimeException e) {
                            // The call ended meanwhile; its cancel handler unsubscribes.
                        }
                    }
                });
            }
        } catch (StatusRuntimeException e) {
            responses.onError(e);
            return;
        }
        beat[0] = scheduler.scheduleAtFixedRate(() -> {
            synchronized (lock) {
                if (!call.isCancelled()) {
                    try {
                        call.onNext(DrillEvent.newBuilder().setTime(ProtoTime.timestamp(clock.instant()))
                                .setHeartbeat(true).build());
                    } catch (IllegalStateException | StatusRuntimeException e) {
                        // Completed or cancelled between the check and the send.
                    }
                }
            }
        }, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        call.setOnCancelHandler(() -> {
            unwatch.run();
            beat[0].cancel(false);
        });
    }

    private static <T> void answer(StreamObserver<T> responses, Supplier<T> action) {
        try {
            responses.onNext(action.get());
            responses.onCompleted();
        } catch (StatusRuntimeException e) {
            responses.onError(e);
        }
    }
}
