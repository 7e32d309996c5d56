package io.meridian.server.drill;

import java.time.Duration;

/** Durations in the words timelines and messages use: "4 min 05 s", "12.4 s", "350 ms". */
final class Durations {
    private Durations() {
    }

    static String words(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = d.toSeconds();
        if (seconds < 3600) {
            return String.format(java.util.Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(java.util.Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
