package io.meridian.server.failover;

import java.time.Duration;

/** How far a replica is behind its primary, or unknown when the figure is missing or frozen (and then why). */
public record LagReading(Duration lag, long bytes, boolean known, String why) {
    static LagReading of(Duration lag, long bytes) {
        return new LagReading(lag, bytes, true, "");
    }

    static LagReading unknown(String why) {
        return new LagReading(Duration.ZERO, 0, false, why);
    }

    /** The figure in words: "1.2 s (4.8 MB)" or "unknown: why". */
    String describe() {
        return known ? Durations.words(lag) + " (" + Durations.bytes(bytes) + ")" : "unknown: " + why;
    }
}
