package io.meridian.console.topology;

import io.meridian.model.topology.Health;
import io.meridian.model.topology.LinkState;
import javafx.scene.paint.Color;

/**
 * How health and link state look, in one place for the map, the list and the details: a colour AND a shape (or a
 * line pattern), never colour alone, so the state reads in any light and for colour-blind operators.
 */
public final class HealthStyle {
    public static final Color HEALTHY = Color.web("#3fb950");
    public static final Color DEGRADED = Color.web("#d29922");
    public static final Color FAILED = Color.web("#f85149");
    public static final Color UNKNOWN = Color.web("#8b949e");

    private HealthStyle() {
    }

    /** Marker shapes, one per health. */
    public enum Shape { CIRCLE, TRIANGLE, SQUARE_CROSS, DIAMOND }

    public static Color color(Health health) {
        return switch (health) {
            case HEALTHY -> HEALTHY;
            case DEGRADED -> DEGRADED;
            case FAILED -> FAILED;
            case UNKNOWN -> UNKNOWN;
        };
    }

    public static Shape shape(Health health) {
        return switch (health) {
            case HEALTHY -> Shape.CIRCLE;
            case DEGRADED -> Shape.TRIANGLE;
            case FAILED -> Shape.SQUARE_CROSS;
            case UNKNOWN -> Shape.DIAMOND;
        };
    }

    /** A short glyph for text cells: ● ▲ ✖ ◆. */
    public static String glyph(Health health) {
        return switch (health) {
            case HEALTHY -> "●";
            case DEGRADED -> "▲";
            case FAILED -> "✖";
            case UNKNOWN -> "◆";
        };
    }

    public static String label(Health health) {
        return switch (health) {
            case HEALTHY -> "Healthy";
            case DEGRADED -> "Degraded";
            case FAILED -> "Failed";
            case UNKNOWN -> "Unknown";
        };
    }

    /** Style-class suffix, e.g. "health-failed", for CSS. */
    public static String styleClass(Health health) {
        return "health-" + health.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Color color(LinkState state) {
        return switch (state) {
            case STREAMING -> Color.web("#39c5cf");
            case CATCHING_UP -> DEGRADED;
            case DISCONNECTED -> FAILED;
        };
    }

    /** Dash pattern of a link line: solid streaming, dashed catching up, dotted disconnected. */
    public static double[] dashes(LinkState state) {
        return switch (state) {
            case STREAMING -> new double[0];
            case CATCHING_UP -> new double[] {10, 6};
            case DISCONNECTED -> new double[] {2, 6};
        };
    }

    public static String label(LinkState state) {
        return switch (state) {
            case STREAMING -> "Streaming";
            case CATCHING_UP -> "Catching up";
            case DISCONNECTED -> "Disconnected";
        };
    }
}
