package io.meridian.postgres.observe;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.telemetry.TransactionRates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A region's service level over a trailing window, as the observer sees it: availability is the share of probes
 * its servers answered, latency the p50 and p95 of the statements' mean latencies (pg_stat_statements) sampled in
 * the window. Used by the observation thread only.
 */
final class RegionServiceWindow {
    private record Probe(Instant at, boolean answered) {}

    private record Latency(Instant at, double millis) {}

    private final Duration window;
    private final Map<String, ArrayDeque<Probe>> probes = new HashMap<>();
    private final Map<String, ArrayDeque<Latency>> latencies = new HashMap<>();

    RegionServiceWindow(Duration window) {
        this.window = window;
    }

    void probed(String region, Instant at, boolean answered) {
        probes.computeIfAbsent(region, k -> new ArrayDeque<>()).addLast(new Probe(at, answered));
    }

    void latencies(String region, Instant at, double[] millis) {
        var queue = latencies.computeIfAbsent(region, k -> new ArrayDeque<>());
        for (double value : millis) {
            queue.addLast(new Latency(at, value));
        }
    }

    /**
     * The region's figures now, with this tick's transaction rates; latencies are zero until a statement has been
     * sampled.
     */
    TelemetrySample.RegionService sample(String region, Instant now, Optional<TransactionRates> transactions) {
        var cutoff = now.minus(window);
        var p = probes.getOrDefault(region, new ArrayDeque<>());
        while (!p.isEmpty() && p.peekFirst().at().isBefore(cutoff)) {
            p.removeFirst();
        }
        var l = latencies.getOrDefault(region, new ArrayDeque<>());
        while (!l.isEmpty() && l.peekFirst().at().isBefore(cutoff)) {
            l.removeFirst();
        }
        long answered = p.stream().filter(Probe::answered).count();
        double availability = p.isEmpty() ? 0 : 100.0 * answered / p.size();
        double[] sorted = l.stream().mapToDouble(Latency::millis).sorted().toArray();
        return new TelemetrySample.RegionService(region, now, availability, window, percentile(sorted, 0.50),
                percentile(sorted, 0.95), transactions);
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
