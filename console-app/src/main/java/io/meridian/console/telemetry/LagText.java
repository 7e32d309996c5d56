package io.meridian.console.telemetry;

import java.time.Duration;
import java.util.Locale;

/**
 * Lags and lag targets as an operator reads them: milliseconds below a second (a trading platform's SLO is 100 ms),
 * seconds with one decimal up to a hundred, whole seconds beyond; never "0.0 s" for a lag that is there.
 */
final class LagText {
    private LagText() {
    }

    /** A measured lag: "7.5 ms", "84 ms", "2.0 s", "74.0 s", "312 s". */
    static String of(double seconds) {
        if (seconds < 0.01) {
            return String.format(Locale.ROOT, "%.1f ms", seconds * 1000);
        }
        if (seconds < 1) {
            return String.format(Locale.ROOT, "%.0f ms", seconds * 1000);
        }
        return String.format(Locale.ROOT, seconds >= 100 ? "%.0f s" : "%.1f s", seconds);
    }

    /** A target as the scenario states it: "100 ms", "30 s", "1.5 s". */
    static String target(Duration target) {
        double seconds = target.toNanos() / 1e9;
        return seconds >= 1 && seconds == Math.rint(seconds) ? String.format(Locale.ROOT, "%.0f s", seconds)
                : of(seconds);
    }

    /** True when a platform's lags are best shown in milliseconds: its SLO is under a second. */
    static boolean inMillis(double sloSeconds) {
        return sloSeconds < 1;
    }
}
