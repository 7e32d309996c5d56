package io.meridian.benchmarks.telemetry;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.telemetry.TransactionRates;
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Telemetry at a fixed rate over every key of a topology (lag per link, clock per replica, service per region), in
 * batches. One probe link carries the batch number as its lag, so the harness can tell which batch a figure on
 * screen came from, and when that batch was made.
 */
final class SampleGenerator {
    /** A batch and its number. */
    record Batch(long sequence, List<TelemetrySample> samples) {}

    private final Topology topology;
    private final String probeLinkId;
    private final int samplesPerBatch;
    private final int batchesPerSecond;
    private final SplittableRandom random = new SplittableRandom(1);
    private final ConcurrentHashMap<Long, Long> madeAtNanos = new ConcurrentHashMap<>();
    private long sequence;
    private int cursor;

    SampleGenerator(Topology topology, String probeLinkId, int samplesPerSecond, int batchesPerSecond) {
        this.topology = topology;
        this.probeLinkId = probeLinkId;
        this.batchesPerSecond = batchesPerSecond;
        this.samplesPerBatch = samplesPerSecond / batchesPerSecond;
    }

    int batchesPerSecond() {
        return batchesPerSecond;
    }

    /** The probe's lag for batch {@code n}: exact in a double, and plausible. */
    static double probeLag(long n) {
        return n / 1000.0;
    }

    /** When batch {@code n} was made (System.nanoTime), or null if unknown. */
    Long madeAt(long n) {
        return madeAtNanos.get(n);
    }

    synchronized Batch next() {
        long n = ++sequence;
        var now = Instant.now();
        var samples = new ArrayList<TelemetrySample>(samplesPerBatch);
        samples.add(new TelemetrySample.LinkLag(probeLinkId, now, probeLag(n), 0, false));
        var links = topology.links();
        var replicas = topology.clusters().stream().flatMap(c -> c.replicas().stream()).toList();
        var regions = topology.regions();
        int keys = links.size() + replicas.size() + regions.size();
        while (samples.size() < samplesPerBatch) {
            int k = cursor++ % keys;
            if (k < links.size()) {
                var link = links.get(k);
                if (!link.id().equals(probeLinkId)) {
                    double lag = 0.2 + 3 * random.nextDouble();
                    samples.add(new TelemetrySample.LinkLag(link.id(), now, lag, (long) (lag * 4e6), false));
                }
            } else if (k < links.size() + replicas.size()) {
                samples.add(new TelemetrySample.ClockOffset(replicas.get(k - links.size()).id(), now,
                        random.nextGaussian() * 0.2, 0.05));
            } else {
                var region = regions.get(k - links.size() - replicas.size());
                double p50 = 50 + 10 * random.nextDouble();
                double commits = 500 + 100 * random.nextDouble();
                samples.add(new TelemetrySample.RegionService(region.id(), now, 99.99, Duration.ofHours(1), p50,
                        p50 * 2.5, Optional.of(new TransactionRates(commits, commits / 50))));
            }
        }
        madeAtNanos.put(n, System.nanoTime());
        madeAtNanos.remove(n - 10 * batchesPerSecond);
        return new Batch(n, samples);
    }
}
