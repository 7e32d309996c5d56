package io.meridian.sim.stream;

import io.meridian.client.StreamStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.meridian.client.BackendAddress;
import io.meridian.client.TopologyWatch;
import io.meridian.client.grpc.GrpcBackend;
import io.meridian.model.topology.SnapshotReason;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyEvent;
import io.meridian.server.BackendServer;
import io.meridian.server.scenario.ScenarioTopology;
import io.meridian.sim.ShippedScenarios;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The topology watch over a real loopback socket: a dropped connection resumes with exactly the missed deltas, and
 * a restarted server (a new journal) is answered with a snapshot that says so. Never a gap, never a duplicate.
 */
class TopologyResumeIntegrationTest {
    private final List<TopologyEvent> events = new CopyOnWriteArrayList<>();
    private final List<StreamStatus> statuses = new CopyOnWriteArrayList<>();
    private Topology initial;
    private ManualPlatform platform;
    private BackendServer server;
    private int serverPort;
    private TcpProxy proxy;
    private GrpcBackend client;
    private TopologyWatch watch;

    @BeforeEach
    void start() throws Exception {
        initial = ScenarioTopology.initial(ShippedScenarios.load("phase-7p"), Instant.EPOCH);
        platform = new ManualPlatform(initial);
        server = startServer(0, platform);
        serverPort = server.port();
        proxy = new TcpProxy(serverPort);
        client = GrpcBackend.connect(new BackendAddress("127.0.0.1", proxy.port()), null);
        watch = client.watchTopology(new TopologyWatch.Listener() {
            @Override
            public void onEvent(TopologyEvent event) {
                if (!(event instanceof TopologyEvent.Heartbeat)) {
                    events.add(event);
                }
            }

            @Override
            public void onStatus(StreamStatus status) {
                statuses.add(status);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        watch.close();
        client.close();
        proxy.close();
        server.close();
    }

    private static BackendServer startServer(int port, ManualPlatform platform) throws Exception {
        return BackendServer.start(NettyServerBuilder.forAddress(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port)), platform, Clock.systemUTC());
    }

    @Test
    void aDroppedConnectionResumesWithExactlyTheMissedDeltas() throws Exception {
        Await.until(() -> events.size() == 1);
        for (int step = 0; step < 5; step++) {
            platform.flip(step);
        }
        Await.until(() -> events.size() == 6);

        proxy.cut();
        Await.until(() -> statuses.getLast() instanceof StreamStatus.Reconnecting);
        for (int step = 5; step < 9; step++) {
            platform.flip(step);
        }
        proxy.heal();
        Await.until(() -> events.size() == 10);
        platform.flip(9);
        Await.until(() -> events.size() == 11);

        assertThat(events.getFirst()).isInstanceOfSatisfying(TopologyEvent.Snapshot.class,
                s -> assertThat(s.reason()).isEqualTo(SnapshotReason.INITIAL));
        assertThat(events.subList(1, events.size())).allMatch(e -> e instanceof TopologyEvent.Delta);
        assertThat(events).extracting(e -> e.position().sequence())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(replay(events)).isEqualTo(platform.topology());
        assertThat(statuses).anyMatch(s -> s instanceof StreamStatus.Reconnecting);
    }

    @Test
    void aRestartedServerAnswersWithASnapshotOfItsNewJournal() throws Exception {
        Await.until(() -> events.size() == 1);
        platform.flip(0);
        platform.flip(1);
        Await.until(() -> events.size() == 3);
        var firstJournal = events.getFirst().position().journalId();

        server.close();
        Await.until(() -> statuses.getLast() instanceof StreamStatus.Reconnecting);
        var restarted = new ManualPlatform(initial);
        server = startServer(serverPort, restarted);
        Await.until(() -> events.size() == 4);
        restarted.flip(7);
        Await.until(() -> events.size() == 5);

        var snapshot = events.get(3);
        assertThat(snapshot).isInstanceOfSatisfying(TopologyEvent.Snapshot.class,
                s -> assertThat(s.reason()).isEqualTo(SnapshotReason.JOURNAL_CHANGED));
        assertThat(snapshot.position().journalId()).isNotEqualTo(firstJournal);
        assertThat(events.get(4).position()).satisfies(p -> {
            assertThat(p.journalId()).isEqualTo(snapshot.position().journalId());
            assertThat(p.sequence()).isEqualTo(snapshot.position().sequence() + 1);
        });
        assertThat(replay(events)).isEqualTo(restarted.topology());
    }

    /** Applies events as the console does: a snapshot replaces, a delta applies to the state before it. */
    private static Topology replay(List<TopologyEvent> events) {
        Topology state = null;
        for (var event : events) {
            state = switch (event) {
                case TopologyEvent.Snapshot s -> s.topology();
                case TopologyEvent.Delta d -> state.apply(d.delta());
                case TopologyEvent.Heartbeat h -> state;
            };
        }
        return state;
    }
}
