package io.meridian.client.grpc;

import io.grpc.stub.ClientResponseObserver;
import io.meridian.api.v1.TopologyServiceGrpc;
import io.meridian.api.v1.WatchTopologyRequest;
import io.meridian.client.Backoff;
import io.meridian.client.TopologyWatch;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.TopologyEvent;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/** The topology watch: every delta must follow the one before it in the same journal. */
final class GrpcTopologyWatch extends ResumableStream<WatchTopologyRequest, io.meridian.api.v1.TopologyEvent>
        implements TopologyWatch {
    private final TopologyServiceGrpc.TopologyServiceStub stub;
    private final Listener listener;
    private JournalPosition position = JournalPosition.START;

    GrpcTopologyWatch(TopologyServiceGrpc.TopologyServiceStub stub, String target, Listener listener,
                      ScheduledExecutorService scheduler, Backoff backoff, Clock clock) {
        super(target, "topology", scheduler, backoff, clock, listener::onStatus);
        this.stub = stub;
        this.listener = listener;
    }

    @Override
    protected void call(ClientResponseObserver<WatchTopologyRequest, io.meridian.api.v1.TopologyEvent> observer) {
        stub.watchTopology(WatchTopologyRequest.newBuilder()
                .setResumeJournalId(position.journalId())
                .setResumeAfterSequence(position.sequence())
                .build(), observer);
    }

    @Override
    protected String receive(io.meridian.api.v1.TopologyEvent proto) {
        var event = TopologyMapper.fromProto(proto);
        var at = event.position();
        switch (event) {
            case TopologyEvent.Snapshot s -> position = at;
            case TopologyEvent.Delta d -> {
                if (!at.journalId().equals(position.journalId()) || at.sequence() != position.sequence() + 1) {
                    return "delta " + at.sequence() + " does not follow " + position.sequence();
                }
                position = at;
            }
            case TopologyEvent.Heartbeat h -> {
                if (!at.equals(position)) {
                    return "heartbeat at " + at.sequence() + " while at " + position.sequence();
                }
            }
        }
        listener.onEvent(event);
        return null;
    }

    @Override
    protected void forgetPosition() {
        position = JournalPosition.START;
    }
}
