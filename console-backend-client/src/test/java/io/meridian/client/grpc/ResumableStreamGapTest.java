package io.meridian.client.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.meridian.api.v1.Heartbeat;
import io.meridian.api.v1.TopologyDelta;
import io.meridian.api.v1.TopologyEvent;
import io.meridian.api.v1.TopologyServiceGrpc;
import io.meridian.api.v1.TopologySnapshot;
import io.meridian.api.v1.WatchTopologyRequest;
import io.meridian.client.Backoff;
import io.meridian.client.StreamStatus;
import io.meridian.client.TopologyWatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A server that skips a sequence number: the client never applies the stray delta and starts over from a snapshot. */
class ResumableStreamGapTest {
    private final List<WatchTopologyRequest> requests = new CopyOnWriteArrayList<>();
    private final List<io.meridian.model.topology.TopologyEvent> delivered = new CopyOnWriteArrayList<>();
    private final List<StreamStatus> statuses = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor();
    private Server server;
    private ManagedChannel channel;

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow();
        server.shutdownNow().awaitTermination();
        scheduler.shutdownNow();
    }

    private static TopologyEvent event(long sequence) {
        return TopologyEvent.newBuilder().setJournalId("j").setSequence(sequence)
                .setTime(ProtoTime.timestamp(Instant.EPOCH)).setDelta(TopologyDelta.getDefaultInstance()).build();
    }

    @Test
    void aSkippedSequenceIsNeverAppliedAndTheWatchStartsOverWithASnapshot() throws Exception {
        var name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(new TopologyServiceGrpc.TopologyServiceImplBase() {
                    @Override
                    public void watchTopology(WatchTopologyRequest request, StreamObserver<TopologyEvent> out) {
                        requests.add(request);
                        out.onNext(TopologyEvent.newBuilder().setJournalId("j").setSequence(1)
                                .setTime(ProtoTime.timestamp(Instant.EPOCH))
                                .setSnapshot(TopologySnapshot.newBuilder()
                                        .setReason(io.meridian.api.v1.SnapshotReason.SNAPSHOT_REASON_INITIAL)
                                        .setTopology(TopologyMapper.toProto(TopologyMapperTest.everyEnumValue())))
                                .build());
                        if (requests.size() == 1) {
                            out.onNext(event(2));
                            out.onNext(event(4));
                        } else {
                            out.onNext(TopologyEvent.newBuilder().setJournalId("j").setSequence(1)
                                    .setTime(ProtoTime.timestamp(Instant.EPOCH))
                                    .setHeartbeat(Heartbeat.getDefaultInstance()).build());
                        }
                    }
                }).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        var watch = new GrpcTopologyWatch(TopologyServiceGrpc.newStub(channel), "test", new TopologyWatch.Listener() {
            @Override
            public void onEvent(io.meridian.model.topology.TopologyEvent event) {
                delivered.add(event);
            }

            @Override
            public void onStatus(StreamStatus status) {
                statuses.add(status);
            }
        }, scheduler, new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), new Random(1)), Clock.systemUTC());
        watch.open();
        var deadline = Instant.now().plusSeconds(10);
        while (requests.size() < 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        watch.close();

        assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
        assertThat(delivered).extracting(e -> e.position().sequence()).doesNotContain(4L);
        assertThat(delivered.subList(0, 2)).extracting(e -> e.position().sequence()).containsExactly(1L, 2L);
        assertThat(statuses).anySatisfy(s -> assertThat(s).isInstanceOfSatisfying(StreamStatus.Reconnecting.class,
                r -> assertThat(r.cause()).contains("delta 4 does not follow 2")));
        // The position was dropped: the second watch asks for a fresh snapshot, not a resume after 2.
        assertThat(requests.get(1).getResumeJournalId()).isEmpty();
        assertThat(requests.get(1).getResumeAfterSequence()).isZero();
    }
}
