package io.meridian.console.failover;

import io.meridian.model.failover.FailoverKind;
import io.meridian.model.failover.ProposalState;
import io.meridian.model.failover.Verdict;
import java.time.Duration;
import java.util.Locale;

/** Durations, sizes and states of the failover screen, in the words an incident commander reads at 3 a.m. */
final class FailoverText {
    private FailoverText() {
    }

    /** "350 ms", "4.2 s", "48 s", "3 min 20 s", "2 h 5 min"; a zero is "0 s". */
    static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 0) {
            return "-" + duration(d.negated());
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 10_000 && millis % 1000 != 0) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return (s / 3600) + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }

    /** How long ago, to the second: "0 s", "42 s", "3 min 20 s"; an age never shows milliseconds. */
    static String age(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        return seconds < 60 ? seconds + " s" : duration(Duration.ofSeconds(seconds));
    }

    /** A time after a start on a timeline: "0.0 s", "0.5 s", "2.4 s", "12 s", "1 min 5 s". */
    static String offset(Duration d) {
        return d.toMillis() < 10_000 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0) : duration(d);
    }

    /** A countdown: "12:04" under an hour, "1 h 03 min" beyond. */
    static String countdown(Duration left) {
        long s = Math.max(0, left.toSeconds());
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    /** "0 B", "512 B", "4.0 KiB", "8.6 MiB", "1.2 GiB". */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String kind(FailoverKind kind) {
        return switch (kind) {
            case UNPLANNED_FAILOVER -> "Failover: primary lost";
            case PLANNED_SWITCHOVER -> "Planned switchover";
        };
    }

    static String state(ProposalState state) {
        return switch (state) {
            case OPEN -> "Waiting for decisions";
            case EXECUTING -> "Executing";
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            case REJECTED -> "Rejected";
            case WITHDRAWN -> "Withdrawn";
        };
    }

    static String verdict(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "PASS";
            case WARN -> "WARN";
            case BLOCK -> "BLOCK";
        };
    }
}
