package io.meridian.model.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One measurement of the platform. Every sample has a key naming what it measures ("lag/&lt;link id&gt;",
 * "clock/&lt;replica id&gt;", "drift/&lt;region id&gt;", "service/&lt;region id&gt;"): a newer sample of a key replaces
 * the older one. Records carry what the backend sent, unchecked: {@link SampleCheck} says whether a figure is
 * plausible before the console shows it.
 */
public sealed interface TelemetrySample {
    /** What the sample measures; the latest sample per key is the current figure. */
    String key();

    /** When the platform observed it. */
    Instant observedAt();

    /** Replication lag of one directed link. */
    record LinkLag(String linkId, Instant observedAt, double lagSeconds, long lagBytes, boolean breakerOpen)
            implements TelemetrySample {
        public LinkLag {
            Objects.requireNonNull(linkId, "linkId");
            Objects.requireNonNull(observedAt, "observedAt");
        }

        @Override
        public String key() {
            return keyOf(linkId);
        }

        public static String keyOf(String linkId) {
            return "lag/" + linkId;
        }
    }

    /** Offset of a replica's clock against the reference, in microseconds, with its uncertainty. */
    record ClockOffset(String replicaId, Instant observedAt, double offsetMicros, double uncertaintyMicros)
            implements TelemetrySample {
        public ClockOffset {
            Objects.requireNonNull(replicaId, "replicaId");
            Objects.requireNonNull(observedAt, "observedAt");
        }

        @Override
        public String key() {
            return keyOf(replicaId);
        }

        public static String keyOf(String replicaId) {
            return "clock/" + replicaId;
        }
    }

    /** Two-sample Kolmogorov-Smirnov test of a region's workload against the global reference. */
    record RegionDrift(String regionId, Instant observedAt, double statistic, double pValue, int regionSampleSize,
                       int referenceSampleSize, double alpha, boolean drifted, String measure)
            implements TelemetrySample {
        public RegionDrift {
            Objects.requireNonNull(regionId, "regionId");
            Objects.requireNonNull(observedAt, "observedAt");
            measure = measure == null ? "" : measure;
        }

        @Override
        public String key() {
            return keyOf(regionId);
        }

        public static String keyOf(String regionId) {
            return "drift/" + regionId;
        }
    }

    /**
     * Availability and request latency of a region over a trailing window, and its commit and rollback rates over
     * the last sample interval; {@code transactions} is empty when the platform cannot tell (first sample, counters
     * reset, a server not read), which is not the same as zero.
     */
    record RegionService(String regionId, Instant observedAt, double availabilityPercent, Duration window,
                         double latencyP50Millis, double latencyP95Millis, Optional<TransactionRates> transactions)
            implements TelemetrySample {
        public RegionService {
            Objects.requireNonNull(regionId, "regionId");
            Objects.requireNonNull(observedAt, "observedAt");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(transactions, "transactions");
        }

        @Override
        public String key() {
            return keyOf(regionId);
        }

        public static String keyOf(String regionId) {
            return "service/" + regionId;
        }
    }
}
