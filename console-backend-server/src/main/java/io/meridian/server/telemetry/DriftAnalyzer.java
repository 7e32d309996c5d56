package io.meridian.server.telemetry;

import io.meridian.model.telemetry.TelemetrySample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * Statistical drift of each region's workload: the two-sample Kolmogorov-Smirnov test (Apache Commons Statistics)
 * of the region's recent values against the pooled recent values of every other region. A region whose workload no
 * longer looks like the rest of the platform's shows p below alpha. Platform-independent: any platform that reports
 * workload values gets drift figures.
 */
public final class DriftAnalyzer {
    /** Fewer values than this make no test: the figure would be noise. */
    static final int MIN_SAMPLE = 30;

    private final int windowPerRegion;
    private final double alpha;
    private final String measure;
    private final Map<String, double[]> rings = new LinkedHashMap<>();
    private final Map<String, Integer> sizes = new LinkedHashMap<>();
    private final Map<String, Integer> next = new LinkedHashMap<>();
    private final KolmogorovSmirnovTest test = KolmogorovSmirnovTest.withDefaults();

    public DriftAnalyzer(int windowPerRegion, double alpha, String measure) {
        if (windowPerRegion < MIN_SAMPLE) {
            throw new IllegalArgumentException("window must hold at least " + MIN_SAMPLE + " values");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, was " + alpha);
        }
        this.windowPerRegion = windowPerRegion;
        this.alpha = alpha;
        this.measure = measure;
    }

    /** Adds a region's recent values; non-finite values are dropped, the oldest values fall out of the window. */
    public synchronized void add(String regionId, double[] values) {
        var ring = rings.computeIfAbsent(regionId, id -> new double[windowPerRegion]);
        int size = sizes.getOrDefault(regionId, 0);
        int at = next.getOrDefault(regionId, 0);
        for (double value : values) {
            if (Double.isFinite(value)) {
                ring[at] = value;
                at = (at + 1) % windowPerRegion;
                size = Math.min(windowPerRegion, size + 1);
            }
        }
        sizes.put(regionId, size);
        next.put(regionId, at);
    }

    /** One drift figure per region with enough values, when at least one other region has enough too. */
    public synchronized List<TelemetrySample> analyze(Instant now) {
        var results = new ArrayList<TelemetrySample>();
        for (var regionId : rings.keySet()) {
            var sample = values(regionId);
            if (sample.length < MIN_SAMPLE) {
                continue;
            }
            var reference = pooledExcept(regionId);
            if (reference.length < MIN_SAMPLE) {
                continue;
            }
            var result = test.test(sample, reference);
            results.add(new TelemetrySample.RegionDrift(regionId, now, result.getStatistic(), result.getPValue(),
                    sample.length, reference.length, alpha, result.getPValue() < alpha, measure));
        }
        return results;
    }

    private double[] values(String regionId) {
        int size = sizes.getOrDefault(regionId, 0);
        var copy = new double[size];
        System.arraycopy(rings.get(regionId), 0, copy, 0, size);
        return copy;
    }

    private double[] pooledExcept(String regionId) {
        int total = sizes.entrySet().stream().filter(e -> !e.getKey().equals(regionId))
                .mapToInt(Map.Entry::getValue).sum();
        var pooled = new double[total];
        int at = 0;
        for (var entry : sizes.entrySet()) {
            if (!entry.getKey().equals(regionId)) {
                System.arraycopy(rings.get(entry.getKey()), 0, pooled, at, entry.getValue());
                at += entry.getValue();
            }
        }
        return pooled;
    }
}
