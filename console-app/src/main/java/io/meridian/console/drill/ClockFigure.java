package io.meridian.console.drill;

import java.time.Duration;

/**
 * One running clock of the drill screen: its name, the time it shows, its target (null when none applies), whether
 * it still runs, its level, and a caption (what it measures, or what stopped it).
 */
public record ClockFigure(String name, Duration value, Duration target, boolean running, ClockLevel level,
                          String caption) {
    static ClockFigure of(String name, Duration value, Duration target, boolean running, String caption) {
        return new ClockFigure(name, value, target, running, level(value, target), caption);
    }

    static ClockLevel level(Duration value, Duration target) {
        if (target == null || value == null) {
            return ClockLevel.NO_TARGET;
        }
        if (value.compareTo(target) > 0) {
            return ClockLevel.OVER;
        }
        return value.toNanos() >= target.toNanos() * ClockLevel.NEAR_SHARE ? ClockLevel.NEAR : ClockLevel.WITHIN;
    }
}
