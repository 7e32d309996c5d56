package io.meridian.console.telemetry;

import java.util.List;

/** One chart: a title, a unit, the series to plot (a channel of a key each) and horizontal target lines. */
public record ChartPanel(String title, String unit, List<Series> series, List<Marker> markers) {
    public ChartPanel {
        series = List.copyOf(series);
        markers = List.copyOf(markers);
    }

    /** Channel {@code channel} of key {@code key}, shown as {@code name}. */
    public record Series(String key, int channel, String name) {}

    /** A horizontal line: a target or a threshold. */
    public record Marker(double value, String label) {}
}
