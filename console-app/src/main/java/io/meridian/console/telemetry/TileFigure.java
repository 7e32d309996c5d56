package io.meridian.console.telemetry;

/**
 * One headline tile, ready to show: what it measures, its value, the target it is held to, a line of detail
 * (which link, which region), its state, and whether it is current. A tile without data has a NaN value.
 */
public record TileFigure(String id, String title, double value, int decimals, String unit, String target,
                         String detail, State state, boolean stale, String ageText) {
    /** A tile's state, worst last. */
    public enum State { NO_DATA, OK, WARNING, ALERT }

    public boolean hasValue() {
        return !Double.isNaN(value);
    }
}
