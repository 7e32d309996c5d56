package io.meridian.server.failover;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.server.telemetry.TelemetryHub;
import java.time.Duration;
import java.time.Instant;

/**
 * Lag of a link as the failover workflow needs it, read from the telemetry hub: the latest figure, or the last
 * one measured before a failure (what a promotion after the failure loses). A figure older than the freshness
 * bound is frozen, and reported as unknown, never as small.
 */
final class LagSource {
    private final TelemetryHub hub;
    private final Duration freshness;

    LagSource(TelemetryHub hub, Duration freshness) {
        this.hub = hub;
        this.freshness = freshness;
    }

    /** The lag of {@code linkId} as of {@code at}: the last sample at or before it, if fresh then. */
    LagReading at(String linkId, Instant at) {
        return hub.lastAtOrBefore(TelemetrySample.LinkLag.keyOf(linkId), at)
                .map(TelemetrySample.LinkLag.class::cast)
                .map(sample -> {
                    var age = Duration.between(sample.observedAt(), at);
                    if (age.compareTo(freshness) > 0) {
                        return LagReading.unknown("last measured " + Durations.words(age) + " earlier (frozen)");
                    }
                    return LagReading.of(Duration.ofNanos(Math.round(sample.lagSeconds() * 1e9)), sample.lagBytes());
                })
                .orElseGet(() -> LagReading.unknown("never measured"));
    }
}
