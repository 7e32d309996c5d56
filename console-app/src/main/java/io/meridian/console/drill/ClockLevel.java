package io.meridian.console.drill;

/**
 * How a drill clock stands against its target: well within, near it (80% used: amber), past it (red), or without
 * a target. Each level has a style class, and the view adds a glyph, so the state never rests on colour alone.
 */
public enum ClockLevel {
    WITHIN("clock-within", "✓"),
    NEAR("clock-near", "▲"),
    OVER("clock-over", "✕"),
    NO_TARGET("clock-no-target", "–");

    /** The share of the target at which a clock turns amber. */
    static final double NEAR_SHARE = 0.8;

    private final String styleClass;
    private final String glyph;

    ClockLevel(String styleClass, String glyph) {
        this.styleClass = styleClass;
        this.glyph = glyph;
    }

    public String styleClass() {
        return styleClass;
    }

    public String glyph() {
        return glyph;
    }
}
