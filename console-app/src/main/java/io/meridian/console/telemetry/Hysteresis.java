package io.meridian.console.telemetry;

import java.time.Duration;
import java.time.Instant;

/**
 * Up to two alert levels over one value, damped against flapping: a level is entered as soon as the value exceeds
 * its threshold, and left only after the value has stayed below {@code clearFactor} times that threshold for
 * {@code hold}. Level 0 is "no alert", 1 the warning level, 2 the critical level.
 */
final class Hysteresis {
    private final double[] raiseAbove;
    private final double clearFactor;
    private final Duration hold;
    private int level;
    private Instant lowSince;

    /** {@code raiseAbove[i]} is the threshold of level i+1, ascending. */
    Hysteresis(double clearFactor, Duration hold, double... raiseAbove) {
        this.raiseAbove = raiseAbove.clone();
        this.clearFactor = clearFactor;
        this.hold = hold;
    }

    int level() {
        return level;
    }

    /** Feeds a value observed at {@code at} and returns the level after it. */
    int update(double value, Instant at) {
        int raised = 0;
        for (int i = 0; i < raiseAbove.length; i++) {
            if (value > raiseAbove[i]) {
                raised = i + 1;
            }
        }
        if (raised >= level) {
            level = raised;
            lowSince = null;
            return level;
        }
        if (value >= clearFactor * raiseAbove[level - 1]) {
            lowSince = null;
            return level;
        }
        if (lowSince == null) {
            lowSince = at;
        }
        if (Duration.between(lowSince, at).compareTo(hold) >= 0) {
            // Step down to the highest level whose clearing band the value is still above.
            int next = 0;
            for (int i = level - 1; i >= 1; i--) {
                if (value >= clearFactor * raiseAbove[i - 1]) {
                    next = i;
                    break;
                }
            }
            level = next;
            lowSince = null;
        }
        return level;
    }
}
