package io.meridian.console.telemetry;

import io.meridian.console.topology.Freshness;
import java.time.Duration;

/** How a stale figure says its age, so every stale figure reads the same way. */
final class Ages {
    private Ages() {
    }

    /** "STALE · 12 s old", or "STALE · stream down · 2 s old", for tiles (their font has no pause glyph). */
    static String stale(Duration age, boolean live) {
        return "STALE · " + (live ? "" : "stream down · ") + Freshness.describe(age) + " old";
    }

    /** "12 s old", or "stream down", for the short labels on the map (drawn grey and dotted besides). */
    static String old(Duration age, boolean live) {
        return live ? Freshness.describe(age) + " old" : "stream down";
    }
}
