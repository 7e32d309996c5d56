package io.meridian.client.grpc;

import io.grpc.stub.ClientResponseObserver;
import io.meridian.api.v1.FailoverServiceGrpc;
import io.meridian.api.v1.WatchProposalsRequest;
import io.meridian.client.Backoff;
import io.meridian.client.ProposalWatch;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The proposal watch. Each connection starts with every current proposal, so there is no position to resume from:
 * a reconnect simply replaces each proposal with its current copy.
 */
final class GrpcProposalWatch extends ResumableStream<WatchProposalsRequest, io.meridian.api.v1.ProposalEvent>
        implements ProposalWatch {
    private final FailoverServiceGrpc.FailoverServiceStub stub;
    private final Listener listener;

    GrpcProposalWatch(FailoverServiceGrpc.FailoverServiceStub stub, String target, Listener listener,
                      ScheduledExecutorService scheduler, Backoff backoff, Clock clock) {
        super(target, "failover", scheduler, backoff, clock, listener::onStatus);
        this.stub = stub;
        this.listener = listener;
    }

    @Override
    protected void call(ClientResponseObserver<WatchProposalsRequest, io.meridian.api.v1.ProposalEvent> observer) {
        stub.watchProposals(WatchProposalsRequest.getDefaultInstance(), observer);
    }

    @Override
    protected String receive(io.meridian.api.v1.ProposalEvent message) {
        listener.onEvent(FailoverMapper.fromProto(message));
        return null;
    }

    @Override
    protected void forgetPosition() {
        // Nothing to forget: every connection begins with all current proposals.
    }
}
