package io.meridian.benchmarks;

import io.meridian.audit.Hash;
import io.meridian.audit.RootAccumulator;
import io.meridian.audit.TreeHasher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recomputing the RFC 9162 root of 1,000,000 entries from their bytes (leaf hashes streamed into a
 * {@link RootAccumulator}), on one thread. Goal: under 2 s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class RootBenchmark {
    static final int ENTRIES = 1_000_000;

    private byte[][] entries;

    @Setup(Level.Trial)
    public void build() {
        entries = new byte[ENTRIES][];
        var next = new int[1];
        AuditFixture.generate(ENTRIES, 2, bytes -> entries[next[0]++] = bytes);
    }

    @Benchmark
    public Hash rootOfOneMillionEntries() {
        var root = new RootAccumulator();
        for (byte[] entry : entries) {
            root.append(TreeHasher.leaf(entry));
        }
        return root.root();
    }
}
