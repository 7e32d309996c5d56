package io.meridian.console.telemetry;

import java.time.Instant;

/**
 * Something the backend sent that the console refused to show: an implausible figure or an id the topology does not
 * know. One per key, counting repeats, so a backend that keeps misbehaving fills one line, not the screen.
 */
public record Anomaly(String key, String what, Instant firstSeen, Instant lastSeen, long count) {
    Anomaly again(String newWhat, Instant at) {
        return new Anomaly(key, newWhat, firstSeen, at, count + 1);
    }
}
