package io.meridian.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.meridian.model.telemetry.TelemetrySample;
import java.time.Instant;
import java.util.SplittableRandom;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class DriftAnalyzerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    /**
     * The library we rely on, against reference values of SciPy 1.17.1 {@code scipy.stats.ks_2samp(x, y,
     * method='exact')} for the same data: a test that silently changed method or meaning would fail here.
     */
    @Test
    void theKolmogorovSmirnovTestMatchesPublishedReferenceValues() {
        double[] x = {0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56, 0.39, 1.64, 0.05, -0.06, 0.64, -0.82,
            0.37, 1.77, 1.09, -1.28, 2.36, 1.31, 1.05, -0.32, -0.4, 1.06, -2.47};
        double[] y = {2.2, 1.66, 1.38, 0.2, 0.36, 0, 0.96, 1.56, 0.44, 1.5, -0.3, 0.66, 2.31, 3.29, -0.27, -0.37,
            0.38, 0.7, 0.52, -0.71};
        var same = KolmogorovSmirnovTest.withDefaults().test(x, y);
        assertThat(same.getStatistic()).isCloseTo(0.23, within(1e-12));
        assertThat(same.getPValue()).isCloseTo(0.5286364448145011, within(1e-9));

        double[] a = {1.2, 3.4, 2.2, 5.1, 0.7, 2.9, 4.4, 3.3, 1.9, 2.5};
        double[] b = {6.1, 4.9, 7.3, 5.5, 8.0, 6.6, 5.9, 7.7, 4.2, 6.4, 5.0, 7.1};
        var shifted = KolmogorovSmirnovTest.withDefaults().test(a, b);
        assertThat(shifted.getStatistic()).isCloseTo(0.8166666666666667, within(1e-12));
        assertThat(shifted.getPValue()).isCloseTo(0.0005134184700748167, within(1e-9));
    }

    @Test
    void aRegionThatShiftsDriftsAndTheOthersDoNot() {
        var analyzer = new DriftAnalyzer(400, 5000, 0.001, "latency");
        var random = new SplittableRandom(42);
        var regions = new String[] {"a", "b", "c", "d", "e", "f"};
        // An hour of ordinary workload everywhere, then region d slows down by 60%.
        for (int round = 0; round < 30; round++) {
            for (var region : regions) {
                analyzer.add(region, latencies(random, 1.0, 100));
            }
        }
        analyzer.add("d", latencies(random, 1.6, 400));
        for (var region : regions) {
            analyzer.add(region, latencies(random, 1.0, region.equals("d") ? 0 : 400));
        }
        var results = analyzer.analyze(NOW).stream().map(TelemetrySample.RegionDrift.class::cast).toList();
        assertThat(results).hasSize(regions.length);
        assertThat(results).filteredOn(TelemetrySample.RegionDrift::drifted)
                .extracting(TelemetrySample.RegionDrift::regionId).containsExactly("d");
        var d = results.stream().filter(r -> r.regionId().equals("d")).findFirst().orElseThrow();
        assertThat(d.regionSampleSize()).isEqualTo(400);
        assertThat(d.referenceSampleSize()).isEqualTo(5000);
        assertThat(d.statistic()).isBetween(0.2, 1.0);
    }

    private static double[] latencies(SplittableRandom random, double factor, int count) {
        var values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = 100 * factor * Math.exp(0.45 * random.nextGaussian());
        }
        return values;
    }

    @Test
    void tooFewValuesMakeNoFigureAndNonFiniteValuesAreDropped() {
        var analyzer = new DriftAnalyzer(100, 1000, 0.01, "latency");
        analyzer.add("a", new double[] {1, 2, Double.NaN, Double.POSITIVE_INFINITY});
        assertThat(analyzer.analyze(NOW)).isEmpty();
        analyzer.add("b", new double[DriftAnalyzer.MIN_SAMPLE]);
        assertThat(analyzer.analyze(NOW)).extracting(s -> ((TelemetrySample.RegionDrift) s).regionId())
                .containsExactly("b");
    }

    @Test
    void theWindowKeepsOnlyTheNewestValues() {
        var analyzer = new DriftAnalyzer(50, 1000, 0.01, "latency");
        var ones = new double[50];
        java.util.Arrays.fill(ones, 1);
        var twos = new double[50];
        java.util.Arrays.fill(twos, 2);
        analyzer.add("a", ones);
        analyzer.add("b", twos);
        analyzer.add("a", twos);
        var drift = analyzer.analyze(NOW).stream().map(TelemetrySample.RegionDrift.class::cast)
                .filter(r -> r.regionId().equals("a")).findFirst().orElseThrow();
        // a now holds only twos; the reference holds 50 ones and 100 twos: D = 1/3 (2/3 if a kept its ones).
        assertThat(drift.regionSampleSize()).isEqualTo(50);
        assertThat(drift.statistic()).isCloseTo(1.0 / 3, within(1e-12));
    }
}
