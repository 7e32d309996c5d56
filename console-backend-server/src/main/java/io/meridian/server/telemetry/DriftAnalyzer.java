package io.meridian.server.telemetry;

import io.meridian.model.telemetry.TelemetrySample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * Statistical drift of each region's workload: the two-sample Kolmogorov-Smirnov test (Apache Commons Statistics)
 * of the region's recent values against the global reference, a uniform reservoir sample of every value every
 * region ever reported. A region whose workload no longer looks like the platform's shows p below alpha. The
 * reference is long-lived on purpose: one region drifting for a few minutes barely moves it, so it does not make
 * the others look drifted. Platform-independent: any platform that reports workload values gets drift figures.
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
    private final double[] reference;
    private final SplittableRandom random = new SplittableRandom(0x5eed);
    private long valuesSeen;
    private int referenceSize;

    public DriftAnalyzer(int windowPerRegion, int referenceSize, double alpha, String measure) {
        if (referenceSize < MIN_SAMPLE) {
            throw new IllegalArgumentException("reference must hold at least " + MIN_SAMPLE + " values");
        }
        this.reference = new double[referenceSize];
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
                addToReference(value);
                ring[at] = value;
                at = (at + 1) % windowPerRegion;
                size = Math.min(windowPerRegion, size + 1);
            }
        }
        sizes.put(regionId, size);
        next.put(regionId, at);
    }

    /** Reservoir sampling (Algorithm R): every value seen so far is in the reference with equal probability. */
    private void addToReference(double value) {
        valuesSeen++;
        if (referenceSize < reference.length) {
            reference[referenceSize++] = value;
        } else {
            long slot = random.nextLong(valuesSeen);
            if (slot < reference.length) {
                reference[(int) slot] = value;
            }
        }
    }

    /** One drift figure per region with enough values, once the reference has enough too. */
    public synchronized List<TelemetrySample> analyze(Instant now) {
        var results = new ArrayList<TelemetrySample>();
        if (referenceSize < MIN_SAMPLE) {
            return results;
        }
        var referenceValues = Arrays.copyOf(reference, referenceSize);
        for (var regionId : rings.keySet()) {
            var sample = values(regionId);
            if (sample.length < MIN_SAMPLE) {
                continue;
            }
            var result = test.test(sample, referenceValues);
            results.add(new TelemetrySample.RegionDrift(regionId, now, result.getStatistic(), result.getPValue(),
                    sample.length, referenceSize, alpha, result.getPValue() < alpha, measure));
        }
        return results;
    }

    private double[] values(String regionId) {
        int size = sizes.getOrDefault(regionId, 0);
        var copy = new double[size];
        System.arraycopy(rings.get(regionId), 0, copy, 0, size);
        return copy;
    }
}
