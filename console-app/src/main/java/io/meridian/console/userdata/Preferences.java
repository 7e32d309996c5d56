package io.meridian.console.userdata;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the console remembers between runs: where its window was and which shipped scenario it showed last.
 * Unknown fields are ignored so that a newer Meridian's file still opens in an older one.
 *
 * @param window       the main window's last bounds, or null for the default size, centred
 * @param lastScenario the shipped scenario opened last on the embedded backend, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Preferences(WindowBounds window, String lastScenario) {
    public static final Preferences DEFAULTS = new Preferences(null, null);

    public Preferences withWindow(WindowBounds bounds) {
        return new Preferences(bounds, lastScenario);
    }

    public Preferences withLastScenario(String scenario) {
        return new Preferences(window, scenario);
    }

    /**
     * A window's position and size in screen coordinates.
     *
     * @param maximized whether the window was maximised; the other fields then keep its restored bounds
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
        /** Smallest size the console is usable at; a smaller remembered size is treated as damaged. */
        public static final double MIN_WIDTH = 640;
        public static final double MIN_HEIGHT = 400;

        public WindowBounds {
            if (!(width >= MIN_WIDTH && height >= MIN_HEIGHT) || !Double.isFinite(x) || !Double.isFinite(y)
                    || !Double.isFinite(width) || !Double.isFinite(height)) {
                throw new IllegalArgumentException("window bounds out of range: x=" + x + " y=" + y + " width="
                        + width + " height=" + height + " (at least " + MIN_WIDTH + "x" + MIN_HEIGHT + ")");
            }
        }
    }
}
