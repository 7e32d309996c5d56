package io.meridian.server.failover;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them in reports: "850 ms", "4.2 s", "3 min 20 s". */
final class Durations {
    private Durations() {
    }

    static String words(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = d.toSeconds();
        return s / 60 + " min " + s % 60 + " s";
    }
}
