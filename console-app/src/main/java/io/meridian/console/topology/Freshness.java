package io.meridian.console.topology;

import java.time.Duration;
import java.time.Instant;

/**
 * How old shown data is, and whether it may still be shown as current: data older than three expected intervals
 * is stale (the server sends a heartbeat every second when nothing changes).
 */
public record Freshness(Duration age, boolean stale) {
    public static final Duration EXPECTED_INTERVAL = Duration.ofSeconds(1);
    public static final Duration STALE_AFTER = EXPECTED_INTERVAL.multipliedBy(3);

    public static Freshness of(Instant lastEventAt, Instant now, boolean streamLive) {
        if (lastEventAt == null) {
            return new Freshness(Duration.ZERO, true);
        }
        var age = Duration.between(lastEventAt, now);
        return new Freshness(age, !streamLive || age.compareTo(STALE_AFTER) > 0);
    }

    /** "4 s", "3 min 20 s", "2 h 5 min": an age as an operator reads it. */
    public static String describe(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }
}
