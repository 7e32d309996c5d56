package io.meridian.server.failover;

import java.time.Duration;
import java.util.Locale;

/** Durations and sizes as people read them in reports: "850 ms", "4.2 s", "3 min 20 s", "4.8 MB". */
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
        return s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
    }

    /** A byte count as people read it: "512 B", "4.8 MB". */
    static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        var units = "kMGTPE";
        int unit = (int) Math.min(units.length(), Math.floor(Math.log10(bytes) / 3));
        return String.format(Locale.ROOT, "%.1f %sB", bytes / Math.pow(1000, unit), units.charAt(unit - 1));
    }
}
