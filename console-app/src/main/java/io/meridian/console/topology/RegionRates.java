package io.meridian.console.topology;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The details pane's commit and rollback rates of one region, as text: "1,234 /s", "unknown" when the platform
 * cannot tell (never shown as 0), "no data yet" before the first figure, and stale (with its age) when the figure
 * is older than three seconds.
 */
public record RegionRates(String commits, String rollbacks, boolean stale, String note) {
    static final String UNKNOWN = "unknown";
    static final String NO_DATA = "no data yet";

    static RegionRates of(Optional<RegionServiceSource.Reading> reading, Instant now) {
        if (reading.isEmpty()) {
            return new RegionRates(NO_DATA, NO_DATA, false, "");
        }
        var freshness = Freshness.of(reading.get().asOf(), now, true);
        var note = freshness.stale() ? "STALE · " + Freshness.describe(freshness.age()) + " old" : "";
        return reading.get().service().transactions()
                .map(t -> new RegionRates(rate(t.commitsPerSecond()), rate(t.rollbacksPerSecond()), freshness.stale(),
                        note))
                .orElseGet(() -> new RegionRates(UNKNOWN, UNKNOWN, freshness.stale(), note));
    }

    /** Whole transactions from 100 per second up, one decimal below, so that a quiet region does not read 0. */
    static String rate(double perSecond) {
        return (perSecond >= 100 ? String.format(Locale.ROOT, "%,.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond)) + " /s";
    }
}
