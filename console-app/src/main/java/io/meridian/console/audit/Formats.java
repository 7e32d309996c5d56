package io.meridian.console.audit;

import io.meridian.audit.Checkpoint;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the auditor view writes numbers, times, durations and checkpoints, the same way everywhere. */
final class Formats {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** 1234567 as "1,234,567": entry numbers are read aloud across a room. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "0:42" or "1:02:03". */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** "size 1,234 · root 3f9a…c1d2": enough of the root to compare by eye with another auditor's. */
    static String checkpoint(Checkpoint c) {
        var hex = c.root().hex();
        return "size " + count(c.size()) + " · root " + hex.substring(0, 8) + "…" + hex.substring(hex.length() - 8);
    }

    static String time(Instant at) {
        return TIME.format(at);
    }
}
