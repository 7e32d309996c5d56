package io.meridian.model.telemetry;

/**
 * How many transactions a region's databases committed and rolled back per second over one sample interval. A
 * region whose rates are not known has no {@code TransactionRates} at all (see
 * {@link TelemetrySample.RegionService#transactions()}), never zeros: zero means it served nothing.
 */
public record TransactionRates(double commitsPerSecond, double rollbacksPerSecond) {
}
