package io.meridian.console.drill;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the drill screen and its reports write times and durations: one place, so screen and paper agree. */
final class DrillText {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private DrillText() {
    }

    /** "04:05" for a clock face; hours when it needs them ("1:02:03"). */
    static String clock(Duration d) {
        if (d == null) {
            return "--:--";
        }
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
                : String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }

    /** "4 min 05 s", "12.4 s", "350 ms", or "not measured". */
    static String duration(Duration d) {
        if (d == null) {
            return "not measured";
        }
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    /** "T+01:23" from the drill's start, in platform time. */
    static String offset(Instant start, Instant at) {
        var d = Duration.between(start, at);
        return (d.isNegative() ? "T-" : "T+") + clock(d.abs());
    }

    static String utc(Instant at) {
        return at == null ? "" : UTC.format(at);
    }

    /** "×20.0" when the platform ran faster than real time, "" at real time. */
    static String speed(double speed) {
        return speed < 1.05 ? "" : String.format(Locale.ROOT, "×%.1f", speed);
    }

    static String words(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
