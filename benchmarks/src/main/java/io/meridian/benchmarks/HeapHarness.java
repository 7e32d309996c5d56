package io.meridian.benchmarks;

import io.meridian.audit.ChainVerifier;
import io.meridian.audit.VerificationReport;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Verifies a log of 1,000,000 signed entries read from a memory-mapped file and reports the peak heap the JVM used
 * while doing it, the time and the rate. Run it with the heap limit under test (e.g. -Xmx512m): finishing at all
 * proves the bound, the peak says by how much. The log file is generated once (signing is sequential, about a
 * minute) and reused.
 *
 * <p>Usage: {@code java -Xmx512m -cp benchmarks.jar io.meridian.benchmarks.HeapHarness FILE [ENTRIES]}
 */
public final class HeapHarness {
    private HeapHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: HeapHarness FILE [ENTRIES]  (FILE is created when missing)");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int count = args.length == 2 ? Integer.parseInt(args[1]) : 1_000_000;
        if (!Files.exists(file)) {
            long start = System.nanoTime();
            MappedEntryRange.write(file, count, 3);
            System.out.printf("generated %,d signed entries in %.1f s: %s (%,d bytes)%n", count,
                    (System.nanoTime() - start) / 1e9, file, Files.size(file));
        }
        var range = MappedEntryRange.open(file);
        System.gc();
        resetPeaks();
        var report = new VerificationReport();
        long start = System.nanoTime();
        var root = new ChainVerifier(AuditFixture.ORIGIN, AuditFixture.trustedKeys(), true)
                .verify(range, report, (i, l, r) -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = peakHeap();
        System.out.printf("verified %,d entries in %.1f s (%,.0f entries/s on %d cores), root %s, findings %d%n",
                report.entriesChecked(), seconds, report.entriesChecked() / seconds,
                Runtime.getRuntime().availableProcessors(), root, report.totalFindings());
        System.out.printf("peak heap used while verifying: %,.1f MB (max heap %,.0f MB)%n", peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        if (!report.verified()) {
            System.err.println("the log did not verify: " + report.findings());
            System.exit(1);
        }
    }

    private static void resetPeaks() {
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one moment. */
    private static long peakHeap() {
        long sum = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
