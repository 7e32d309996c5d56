package io.meridian.server.topology;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.meridian.api.v1.GetTopologyRequest;
import io.meridian.api.v1.GetTopologyResponse;
import io.meridian.api.v1.TopologyServiceGrpc;
import io.meridian.api.v1.WatchTopologyRequest;
import io.meridian.client.grpc.TopologyMapper;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.SnapshotReason;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** meridian.v1.TopologyService over a {@link TopologyJournal}. */
public final class TopologyService extends TopologyServiceGrpc.TopologyServiceImplBase {
    /** Events a watcher may fall behind before its backlog collapses into one snapshot. */
    static final int MAX_BACKLOG = 512;

    private final TopologyJournal journal;
    private final Clock clock;
    private final Set<TopologyWatchStream> watches = ConcurrentHashMap.newKeySet();

    public TopologyService(TopologyJournal journal, Clock clock, ScheduledExecutorService scheduler,
                           Duration heartbeatInterval) {
        this.journal = journal;
        this.clock = clock;
        long every = heartbeatInterval.toMillis();
        scheduler.scheduleAtFixedRate(() -> watches.forEach(TopologyWatchStream::heartbeat), every, every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void getTopology(GetTopologyRequest request, StreamObserver<GetTopologyResponse> responses) {
        var snapshot = journal.snapshot(SnapshotReason.INITIAL);
        responses.onNext(GetTopologyResponse.newBuilder()
                .setJournalId(snapshot.position().journalId())
                .setSequence(snapshot.position().sequence())
                .setTopology(TopologyMapper.toProto(snapshot.topology()))
                .build());
        responses.onCompleted();
    }

    @Override
    public void watchTopology(WatchTopologyRequest request,
                              StreamObserver<io.meridian.api.v1.TopologyEvent> responses) {
        var observer = (ServerCallStreamObserver<io.meridian.api.v1.TopologyEvent>) responses;
        var watch = new TopologyWatchStream(observer, journal, MAX_BACKLOG, clock);
        observer.setOnReadyHandler(watch::drain);
        observer.setOnCancelHandler(() -> {
            watches.remove(watch);
            watch.close();
        });
        watches.add(watch);
        watch.start(new JournalPosition(request.getResumeJournalId(), request.getResumeAfterSequence()));
    }

    /** Ends every open watch cleanly, for a graceful shutdown. */
    public void completeAll() {
        watches.forEach(TopologyWatchStream::complete);
        watches.clear();
    }
}
