package io.meridian.server.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.meridian.api.v1.TopologyEvent;
import io.meridian.api.v1.TopologyServiceGrpc;
import io.meridian.api.v1.WatchTopologyRequest;
import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.PlatformTargets;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyDelta;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A watcher that reads nothing makes the server collapse its backlog into one snapshot, not buffer without bound. */
class TopologyServiceFlowControlTest {
    private static final Duration S = Duration.ofSeconds(1);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private Server server;
    private ManagedChannel channel;

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow();
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
        scheduler.shutdownNow();
    }

    @Test
    void aSlowReaderGetsOneSnapshotInsteadOfAnUnboundedBacklog() throws Exception {
        var targets = new PlatformTargets(S, S, S, 1, 99.9, S, S);
        var journal = new TopologyJournal(new Topology(targets, List.of(), List.of(), List.of(), List.of()), 10_000,
                Clock.systemUTC());
        var name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(new TopologyService(journal, Clock.systemUTC(), scheduler, Duration.ofHours(1)))
                .build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();

        var received = new CopyOnWriteArrayList<TopologyEvent>();
        var call = new ClientCallStreamObserver<?>[1];
        TopologyServiceGrpc.newStub(channel).watchTopology(WatchTopologyRequest.getDefaultInstance(),
                new ClientResponseObserver<WatchTopologyRequest, TopologyEvent>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<WatchTopologyRequest> stream) {
                        call[0] = stream;
                        stream.disableAutoRequestWithInitial(1);
                    }

                    @Override
                    public void onNext(TopologyEvent event) {
                        received.add(event);
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        for (int i = 0; i < 5 * TopologyService.MAX_BACKLOG; i++) {
            var health = i % 2 == 0 ? Health.DEGRADED : Health.HEALTHY;
            journal.append(TopologyDelta.of(List.of(new Cluster("c", "C", "x", List.of(
                    new Replica("r" + i, "x", ReplicaRole.PRIMARY, health, "", Instant.EPOCH)))), List.of()));
        }
        call[0].request(Integer.MAX_VALUE);

        assertThat(received.getFirst().hasSnapshot()).isTrue();
        assertThat(received.size()).isLessThanOrEqualTo(TopologyService.MAX_BACKLOG + 2);
        var last = received.getLast();
        assertThat(last.getSequence()).isEqualTo(journal.position().sequence());
        assertThat(received).filteredOn(TopologyEvent::hasSnapshot).last()
                .satisfies(s -> assertThat(s.getSnapshot().getReason())
                        .isEqualTo(io.meridian.api.v1.SnapshotReason.SNAPSHOT_REASON_SLOW_CONSUMER));
    }
}
