package io.meridian.console.telemetry;

import javafx.scene.paint.Color;

/**
 * How a lag figure looks on the map, in one place: colour AND line width AND dash pattern, never colour alone.
 * Within target: thin solid cyan; near the SLO: amber long dashes; over the SLO: thick orange dash-dot; breaker
 * open: thickest solid red (and a glyph); stale: thin grey dots, whatever the figure said.
 */
public final class LagStyle {
    public static final Color OK = Color.web("#39c5cf");
    public static final Color NEAR = Color.web("#d29922");
    public static final Color BREACH = Color.web("#f0883e");
    public static final Color BREAKER = Color.web("#ff4d4d");
    public static final Color STALE = Color.web("#6e7681");

    private LagStyle() {
    }

    public static Color color(LagLevel level, boolean stale) {
        if (stale) {
            return STALE;
        }
        return switch (level) {
            case OK -> OK;
            case NEAR -> NEAR;
            case BREACH -> BREACH;
            case BREAKER_OPEN -> BREAKER;
        };
    }

    public static double width(LagLevel level, boolean stale) {
        if (stale) {
            return 2;
        }
        return switch (level) {
            case OK -> 2.5;
            case NEAR -> 4;
            case BREACH -> 5.5;
            case BREAKER_OPEN -> 8;
        };
    }

    public static double[] dashes(LagLevel level, boolean stale) {
        if (stale) {
            return new double[] {2, 7};
        }
        return switch (level) {
            case OK, BREAKER_OPEN -> new double[0];
            case NEAR -> new double[] {16, 8};
            case BREACH -> new double[] {18, 6, 4, 6};
        };
    }
}
