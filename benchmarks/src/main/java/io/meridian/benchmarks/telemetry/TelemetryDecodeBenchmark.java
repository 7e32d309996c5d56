package io.meridian.benchmarks.telemetry;

import io.meridian.client.grpc.TelemetryMapper;
import io.meridian.console.telemetry.TelemetryStore;
import io.meridian.model.telemetry.TelemetryBatch;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.Topology;
import io.meridian.server.scenario.ScenarioTopology;
import io.meridian.sim.ShippedScenarios;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The client side of telemetry without a display: a batch of 1,000 samples as the wire carries it, parsed, mapped
 * to the domain and applied to the console's {@link TelemetryStore} (latest value, history ring, plausibility and
 * id checks), on one thread. Scores are samples per second per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class TelemetryDecodeBenchmark {
    static final int SAMPLES = 1_000;

    private byte[] wire;
    private TelemetryStore store;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Topology topology = ScenarioTopology.initial(ShippedScenarios.load("nautilus-phase-7"), Instant.now());
        var generator = new SampleGenerator(topology, topology.links().getFirst().id(), SAMPLES * 100, 100);
        var batch = generator.next();
        wire = TelemetryMapper.toProto(new TelemetryBatch(new JournalPosition("bench", batch.sequence()),
                Instant.now(), null, batch.samples(), 0)).toByteArray();
        store = new TelemetryStore(Clock.systemUTC(), () -> topology, TelemetryStore.HISTORY_POINTS);
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public void decodeAndApply() throws Exception {
        store.onBatch(TelemetryMapper.fromProto(io.meridian.api.v1.TelemetryBatch.parseFrom(wire)));
        store.drain();
    }
}
