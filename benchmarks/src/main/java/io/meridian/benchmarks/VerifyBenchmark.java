package io.meridian.benchmarks;

import io.meridian.audit.ChainVerifier;
import io.meridian.audit.EntryCodec;
import io.meridian.audit.EntryRange;
import io.meridian.audit.Hash;
import io.meridian.audit.TrustedKeys;
import io.meridian.audit.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Entries verified per second on all cores (signature, decoding, chain, duplicate ids, Merkle root: everything the
 * chain verifier does) next to the raw BouncyCastle Ed25519 verify rate on all cores, in the same run and on the same
 * entry bytes, so that their ratio is the verifier's overhead. Goal: at least 0.9 of the raw rate.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class VerifyBenchmark {
    static final int ENTRIES = 16_384;

    @State(Scope.Benchmark)
    public static class Log {
        EntryRange range;
        TrustedKeys keys;
        /** Signed bodies, signatures and public keys of the same entries, for the raw rate. */
        final List<byte[]> bodies = new ArrayList<>();
        final List<byte[]> signatures = new ArrayList<>();
        final List<byte[]> publicKeys = new ArrayList<>();

        @Setup(Level.Trial)
        public void build() throws Exception {
            var entries = new ArrayList<byte[]>(ENTRIES);
            AuditFixture.generate(ENTRIES, 1, entries::add);
            range = EntryRange.of(0, entries);
            keys = AuditFixture.trustedKeys();
            for (byte[] bytes : entries) {
                var signed = EntryCodec.decode(bytes);
                bodies.add(java.util.Arrays.copyOf(bytes, signed.signedBodyLength()));
                signatures.add(signed.signature());
                publicKeys.add(keys.regionKey(signed.entry().signerKeyId()).publicKey().bytes());
            }
        }
    }

    /** Each benchmark thread walks the entries from its own offset. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public Hash chainVerifierAllCores(Log log) {
        var report = new VerificationReport();
        var root = new ChainVerifier(AuditFixture.ORIGIN, log.keys, true).verify(log.range, report, (i, l, r) -> { });
        if (!report.verified()) {
            throw new IllegalStateException("the benchmark log must verify: " + report.findings());
        }
        return root;
    }

    @Benchmark
    @Threads(Threads.MAX)
    public boolean rawBouncyCastleVerifyAllCores(Log log, Cursor cursor) {
        int i = cursor.next++ & (ENTRIES - 1);
        byte[] body = log.bodies.get(i);
        return Ed25519.verify(log.signatures.get(i), 0, log.publicKeys.get(i), 0, body, 0, body.length);
    }
}
