package io.meridian.server.failover;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.meridian.api.v1.DecisionReceipt;
import io.meridian.api.v1.DecisionRequest;
import io.meridian.api.v1.FailoverServiceGrpc;
import io.meridian.api.v1.GetProposalRequest;
import io.meridian.api.v1.ListProposalsRequest;
import io.meridian.api.v1.ListProposalsResponse;
import io.meridian.api.v1.Proposal;
import io.meridian.api.v1.ProposalEvent;
import io.meridian.api.v1.ProposalHeartbeat;
import io.meridian.api.v1.RefreshDryRunRequest;
import io.meridian.api.v1.SwitchoverRequest;
import io.meridian.api.v1.WatchProposalsRequest;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.server.access.CallerInterceptor;
import io.meridian.server.access.Identities;
import io.meridian.server.access.Identity;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * meridian.v1.FailoverService over the {@link FailoverWorkflow}. Roles are checked by the access interceptor before
 * a call arrives; here the caller must also be a registered identity (the signer of its decisions).
 */
public final class FailoverService extends FailoverServiceGrpc.FailoverServiceImplBase {
    private final FailoverWorkflow workflow;
    private final Identities identities;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Duration heartbeat;

    FailoverService(FailoverWorkflow workflow, Identities identities, Clock clock, ScheduledExecutorService scheduler,
                    Duration heartbeat) {
        this.workflow = workflow;
        this.identities = identities;
        this.clock = clock;
        this.scheduler = scheduler;
        this.heartbeat = heartbeat;
    }

    @Override
    public void listProposals(ListProposalsRequest request, StreamObserver<ListProposalsResponse> responses) {
        answer(responses, () -> ListProposalsResponse.newBuilder().addAllProposals(workflow.list()).build());
    }

    @Override
    public void getProposal(GetProposalRequest request, StreamObserver<Proposal> responses) {
        answer(responses, () -> workflow.get(request.getProposalId()));
    }

    @Override
    public void refreshDryRun(RefreshDryRunRequest request, StreamObserver<Proposal> responses) {
        answer(responses, () -> workflow.refresh(request.getProposalId()));
    }

    @Override
    public void requestSwitchover(SwitchoverRequest request, StreamObserver<Proposal> responses) {
        answer(responses, () -> workflow.requestSwitchover(caller(), request.getClusterId(),
                request.getCandidateId(), request.getReason(), request.getRequestId()));
    }

    @Override
    public void decide(DecisionRequest request, StreamObserver<DecisionReceipt> responses) {
        answer(responses, () -> workflow.decide(caller(), request));
    }

    @Override
    public void watchProposals(WatchProposalsRequest request, StreamObserver<ProposalEvent> responses) {
        var call = (ServerCallStreamObserver<ProposalEvent>) responses;
        var lock = new Object();
        Runnable unwatch;
        synchronized (lock) {
            unwatch = workflow.watch(p -> send(call, lock, ProposalEvent.newBuilder().setProposal(p)));
            workflow.list().reversed().forEach(p -> send(call, lock, ProposalEvent.newBuilder().setProposal(p)));
        }
        var beat = scheduler.scheduleAtFixedRate(() -> send(call, lock, ProposalEvent.newBuilder()
                        .setHeartbeat(ProposalHeartbeat.getDefaultInstance())),
                heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        call.setOnCancelHandler(() -> {
            unwatch.run();
            beat.cancel(false);
        });
    }

    private void send(ServerCallStreamObserver<ProposalEvent> call, Object lock, ProposalEvent.Builder event) {
        synchronized (lock) {
            if (!call.isCancelled()) {
                try {
                    call.onNext(event.setTime(ProtoTime.timestamp(clock.instant())).build());
                } catch (IllegalStateException | StatusRuntimeException e) {
                    // The call ended between the check and the send; its cancel handler unsubscribes.
                }
            }
        }
    }

    private Identity caller() {
        var caller = CallerInterceptor.CALLER.get();
        return identities.find(caller.identity()).orElseThrow(() -> Status.PERMISSION_DENIED
                .withDescription(caller.identity() + " is not a registered identity with a signing key; only "
                        + "registered people may request or decide failovers").asRuntimeException());
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
