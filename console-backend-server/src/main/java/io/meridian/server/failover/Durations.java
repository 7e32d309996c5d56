package io.meridian.server.failover;

import java.time.Duration;
import java.util.Locale;

/** Durations and sizes as people read them in reports: "850 ms", "4.2 s", "3 min 20 s", "4.8 MiB". */
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

    /** A byte count as people read it, in binary units as the console shows them: "512 B", "4.8 MiB". */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        var units = "KMGTPE";
        int unit = (int) Math.min(units.length(), Math.floor(Math.log(bytes) / Math.log(1024)));
        return String.format(Locale.ROOT, "%.1f %siB", bytes / Math.pow(1024, unit), units.charAt(unit - 1));
    }
}
