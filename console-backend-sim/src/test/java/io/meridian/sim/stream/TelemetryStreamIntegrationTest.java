package io.meridian.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.meridian.api.v1.StreamTelemetryRequest;
import io.meridian.api.v1.TelemetryServiceGrpc;
import io.meridian.client.Backend;
import io.meridian.client.BackendAddress;
import io.meridian.client.BackendException;
import io.meridian.client.StreamStatus;
import io.meridian.client.TelemetryWatch;
import io.meridian.model.telemetry.TelemetryBatch;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.server.BackendServer;
import io.meridian.server.scenario.ScenarioTopology;
import io.meridian.sim.ShippedScenarios;
import io.meridian.sim.SimulatedBackend;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Telemetry over a real loopback socket: the client's rate is honoured, and a dropped connection resumes. */
class TelemetryStreamIntegrationTest {

    private static final class Recorder implements TelemetryWatch.Listener {
        final List<TelemetryBatch> batches = new CopyOnWriteArrayList<>();
        final Map<String, TelemetrySample> latest = new ConcurrentHashMap<>();
        final List<StreamStatus> statuses = new CopyOnWriteArrayList<>();
        final AtomicLong samples = new AtomicLong();
        final AtomicLong coalesced = new AtomicLong();

        @Override
        public void onBatch(TelemetryBatch batch) {
            batches.add(batch);
            if (batch.snapshot()) {
                latest.clear();
            }
            batch.samples().forEach(s -> latest.put(s.key(), s));
            samples.addAndGet(batch.samples().size());
            coalesced.addAndGet(batch.coalesced());
        }

        @Override
        public void onStatus(StreamStatus status) {
            statuses.add(status);
        }
    }

    @Test
    void theServerHonoursTheClientsRateAndCoalescesTheRest() throws Exception {
        var scenario = ShippedScenarios.load("nautilus-phase-7");
        var options = new SimulatedBackend.Options(scenario, 3, InetAddress.getLoopbackAddress(), 0,
                Duration.ofMillis(10), null, null);
        try (var server = SimulatedBackend.start(options);
             var backend = Backend.connect(new BackendAddress("127.0.0.1", server.port()), null)) {
            var recorder = new Recorder();
            int rate = 300;
            long started = System.nanoTime();
            try (var watch = backend.watchTelemetry(rate, recorder)) {
                Await.until(() -> recorder.samples.get() >= 3 * rate);
                double elapsed = (System.nanoTime() - started) / 1e9;
                // The server may save up at most one second of budget: never more than rate x (elapsed + 1).
                assertThat(recorder.samples.get()).isLessThanOrEqualTo((long) (rate * (elapsed + 1)));
                assertThat(recorder.coalesced.get()).isPositive();
                assertThat(recorder.batches.getFirst().snapshot()).isTrue();
            }
        }
    }

    @Test
    void aClientThatStopsReadingIsCoalescedNotQueued() throws Exception {
        var scenario = ShippedScenarios.load("nautilus-phase-7");
        var options = new SimulatedBackend.Options(scenario, 5, InetAddress.getLoopbackAddress(), 0,
                Duration.ofMillis(10), null, null);
        try (var server = SimulatedBackend.start(options)) {
            var channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
            try {
                var received = new CopyOnWriteArrayList<io.meridian.api.v1.TelemetryBatch>();
                var call = new AtomicReference<ClientCallStreamObserver<StreamTelemetryRequest>>();
                int rate = 2_000;
                TelemetryServiceGrpc.newStub(channel).streamTelemetry(
                        StreamTelemetryRequest.newBuilder().setMaxSamplesPerSecond(rate).build(),
                        new ClientResponseObserver<StreamTelemetryRequest, io.meridian.api.v1.TelemetryBatch>() {
                            @Override
                            public void beforeStart(ClientCallStreamObserver<StreamTelemetryRequest> stream) {
                                stream.disableAutoRequestWithInitial(0);
                                call.set(stream);
                            }

                            @Override
                            public void onNext(io.meridian.api.v1.TelemetryBatch batch) {
                                received.add(batch);
                            }

                            @Override
                            public void onError(Throwable t) {
                            }

                            @Override
                            public void onCompleted() {
                            }
                        });
                // About 100 keys change every 10 ms: 3 s of not reading is some 30,000 samples.
                Thread.sleep(3_000);
                assertThat(received).isEmpty();
                call.get().request(Integer.MAX_VALUE);
                Await.until(() -> received.stream().mapToLong(io.meridian.api.v1.TelemetryBatch::getCoalesced).sum()
                        > 10_000);
                long started = System.nanoTime();
                Thread.sleep(1_000);
                double elapsed = (System.nanoTime() - started) / 1e9 + 3;
                long samples = received.stream().mapToLong(io.meridian.api.v1.TelemetryBatch::getSamplesCount).sum();
                // What arrived is bounded by the rate (plus one second saved up), not by what was produced.
                assertThat(samples).isLessThanOrEqualTo((long) (rate * (elapsed + 1)));
            } finally {
                channel.shutdownNow();
            }
        }
    }

    @Test
    void aDroppedConnectionResumesToTheServersLatestValues() throws Exception {
        var platform = new ManualPlatform(ScenarioTopology.initial(ShippedScenarios.load("phase-7p"), Instant.EPOCH));
        try (var server = BackendServer.start(NettyServerBuilder.forAddress(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), platform, Clock.systemUTC());
             var proxy = new TcpProxy(server.port());
             var backend = Backend.connect(new BackendAddress("127.0.0.1", proxy.port()), null)) {
            var recorder = new Recorder();
            var expected = new ConcurrentHashMap<String, TelemetrySample>();
            try (var watch = backend.watchTelemetry(10_000, recorder)) {
                push(platform, expected, 0, 20);
                Await.until(() -> recorder.latest.equals(expected));
                proxy.cut();
                Await.until(() -> recorder.statuses.getLast() instanceof StreamStatus.Reconnecting);
                push(platform, expected, 20, 40);
                proxy.heal();
                Await.until(() -> recorder.latest.equals(expected));
            }
            assertThat(recorder.batches).filteredOn(TelemetryBatch::snapshot).hasSize(1);
            var sequences = recorder.batches.stream().map(b -> b.position().sequence()).toList();
            assertThat(sequences).isSorted();
        }
    }

    @Test
    void historyOfAnUnknownKeyIsRefusedWithTheKeyNamed() throws Exception {
        var platform = new ManualPlatform(ScenarioTopology.initial(ShippedScenarios.load("phase-7p"), Instant.EPOCH));
        try (var server = BackendServer.start(NettyServerBuilder.forAddress(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), platform, Clock.systemUTC());
             var backend = Backend.connect(new BackendAddress("127.0.0.1", server.port()), null)) {
            try {
                backend.telemetryHistory("lag/no-such-link", Duration.ofHours(1), Duration.ofSeconds(1));
                throw new AssertionError("history of an unknown key was answered");
            } catch (BackendException e) {
                assertThat(e.kind()).isEqualTo(BackendException.Kind.FAILED);
                assertThat(e.getMessage()).contains("lag/no-such-link");
            }
        }
    }

    /** Reports lag on every link of the topology for ticks [from, to), recording the latest value per key. */
    private static void push(ManualPlatform platform, Map<String, TelemetrySample> expected, int from, int to) {
        for (int tick = from; tick < to; tick++) {
            var samples = new ArrayList<TelemetrySample>();
            for (var link : platform.topology().links()) {
                var sample = new TelemetrySample.LinkLag(link.id(), Instant.EPOCH.plusSeconds(tick), tick * 0.5, tick,
                        false);
                samples.add(sample);
                expected.put(sample.key(), sample);
            }
            platform.measure(samples);
        }
    }
}
