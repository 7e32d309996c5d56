package io.meridian.benchmarks.telemetry;

import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.meridian.api.v1.StreamTelemetryRequest;
import io.meridian.api.v1.TelemetryBatch;
import io.meridian.api.v1.TelemetryServiceGrpc;
import io.meridian.sim.ShippedScenarios;
import io.meridian.sim.SimulatedBackend;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Server memory with consoles that read nothing: a simulated nautilus-phase-7 backend ticking every 10 ms (about
 * 10,000 samples/s), and {@code --clients} telemetry streams that never request a message. The server's heap after a
 * full collection is printed before the clients connect and every 15 s while they hang; with flow control and
 * latest-wins coalescing it must stay flat.
 */
public final class SlowReaderHarness {
    private SlowReaderHarness() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 1 && args[0].equals("--clients") ? Integer.parseInt(args[1]) : 4;
        var scenario = ShippedScenarios.load("nautilus-phase-7");
        var options = new SimulatedBackend.Options(scenario, 1, InetAddress.getLoopbackAddress(), 0,
                Duration.ofMillis(10), null, null);
        try (var server = SimulatedBackend.start(options)) {
            TimeUnit.SECONDS.sleep(10);
            System.out.printf("server heap before the slow clients: %d MiB%n", heapAfterGc());
            var channels = new ArrayList<io.grpc.ManagedChannel>();
            for (int i = 0; i < clients; i++) {
                var channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
                channels.add(channel);
                TelemetryServiceGrpc.newStub(channel).streamTelemetry(
                        StreamTelemetryRequest.newBuilder().setMaxSamplesPerSecond(100_000).build(),
                        new ClientResponseObserver<StreamTelemetryRequest, TelemetryBatch>() {
                            @Override
                            public void beforeStart(ClientCallStreamObserver<StreamTelemetryRequest> stream) {
                                stream.disableAutoRequestWithInitial(0);
                            }

                            @Override
                            public void onNext(TelemetryBatch value) {
                            }

                            @Override
                            public void onError(Throwable t) {
                            }

                            @Override
                            public void onCompleted() {
                            }
                        });
            }
            for (int round = 1; round <= 4; round++) {
                TimeUnit.SECONDS.sleep(15);
                System.out.printf("server heap with %d clients reading nothing, after %d s: %d MiB%n", clients,
                        round * 15, heapAfterGc());
            }
            channels.forEach(io.grpc.ManagedChannel::shutdownNow);
        }
        System.exit(0);
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
