package io.meridian.client.grpc;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.meridian.api.v1.FailoverServiceGrpc;
import io.meridian.api.v1.GetProposalRequest;
import io.meridian.api.v1.ListProposalsRequest;
import io.meridian.api.v1.RefreshDryRunRequest;
import io.meridian.client.Backoff;
import io.meridian.client.BackendException;
import io.meridian.client.FailoverClient;
import io.meridian.client.ProposalWatch;
import io.meridian.failover.SignedDecision;
import io.meridian.model.failover.DecisionReceipt;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.SwitchoverRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@link FailoverClient} over meridian.v1.FailoverService. Decide and RequestSwitchover are idempotent by request
 * id, so when the network loses the request or its reply (UNAVAILABLE, DEADLINE_EXCEEDED) this client sends the
 * very same request again, up to {@link #ATTEMPTS} times with backoff; the backend answers a repeat with its first
 * receipt, never a second decision.
 */
final class GrpcFailoverClient implements FailoverClient {
    static final int ATTEMPTS = 5;

    private final Channel channel;
    private final String target;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Backoff retryBackoff;

    GrpcFailoverClient(Channel channel, String target, ScheduledExecutorService scheduler, Clock clock,
                       Backoff retryBackoff) {
        this.channel = channel;
        this.target = target;
        this.scheduler = scheduler;
        this.clock = clock;
        this.retryBackoff = retryBackoff;
    }

    @Override
    public List<Proposal> proposals() throws BackendException {
        return once(stub -> stub.listProposals(ListProposalsRequest.getDefaultInstance()).getProposalsList()
                .stream().map(FailoverMapper::fromProto).toList());
    }

    @Override
    public Proposal proposal(String proposalId) throws BackendException {
        return once(stub -> FailoverMapper.fromProto(stub.getProposal(GetProposalRequest.newBuilder()
                .setProposalId(proposalId).build())));
    }

    @Override
    public ProposalWatch watch(ProposalWatch.Listener listener) {
        var watch = new GrpcProposalWatch(FailoverServiceGrpc.newStub(channel), target, listener, scheduler,
                Backoff.standard(), clock);
        watch.open();
        return watch;
    }

    @Override
    public Proposal refreshDryRun(String proposalId) throws BackendException {
        return once(stub -> FailoverMapper.fromProto(stub.refreshDryRun(RefreshDryRunRequest.newBuilder()
                .setProposalId(proposalId).build())));
    }

    @Override
    public Proposal requestSwitchover(SwitchoverRequest request) throws BackendException {
        var proto = io.meridian.api.v1.SwitchoverRequest.newBuilder()
                .setClusterId(request.clusterId()).setCandidateId(request.candidateId().orElse(""))
                .setReason(request.reason()).setRequestId(request.requestId()).build();
        return retried(stub -> FailoverMapper.fromProto(stub.requestSwitchover(proto)));
    }

    @Override
    public DecisionReceipt decide(SignedDecision decision) throws BackendException {
        var proto = FailoverMapper.toProto(decision);
        return retried(stub -> FailoverMapper.fromProto(stub.decide(proto)));
    }

    private <T> T once(Function<FailoverServiceGrpc.FailoverServiceBlockingStub, T> rpc) throws BackendException {
        try {
            return rpc.apply(stub());
        } catch (StatusRuntimeException e) {
            throw FailoverErrors.translate(target, e);
        } catch (ProtocolException e) {
            throw unreadable(e);
        }
    }

    /** Calls an idempotent RPC, sending the identical request again after a transport failure. */
    private <T> T retried(Function<FailoverServiceGrpc.FailoverServiceBlockingStub, T> rpc)
            throws BackendException {
        for (int attempt = 1; ; attempt++) {
            try {
                return rpc.apply(stub());
            } catch (StatusRuntimeException e) {
                if (attempt == ATTEMPTS || !FailoverErrors.worthRetrying(e)) {
                    throw FailoverErrors.translate(target, e);
                }
                pause(retryBackoff.delay(attempt));
            } catch (ProtocolException e) {
                throw unreadable(e);
            }
        }
    }

    private FailoverServiceGrpc.FailoverServiceBlockingStub stub() {
        return FailoverServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(GrpcBackend.UNARY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private BackendException unreadable(ProtocolException e) {
        return new BackendException(BackendException.Kind.INCOMPATIBLE,
                "backend " + target + " sent a proposal this console cannot read: " + e.getMessage(), e);
    }

    private static void pause(Duration delay) throws BackendException {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException(BackendException.Kind.FAILED, "interrupted while sending the request again; "
                    + "the backend may have recorded it: look at the proposal before deciding again", e);
        }
    }
}
