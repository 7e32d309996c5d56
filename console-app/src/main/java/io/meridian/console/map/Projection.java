package io.meridian.console.map;

/**
 * Equirectangular projection of the inhabited latitudes (84 N to 57 S) into a rectangle of the given size,
 * centred and letterboxed so the map keeps its proportions. Simple on purpose: region markers and link arcs must
 * land where operators expect them, and straight meridians make that easy to check.
 */
public record Projection(double offsetX, double offsetY, double scale) {
    public static final double NORTH = 84;
    public static final double SOUTH = -57;

    /** The projection that fits the world into width x height pixels. */
    public static Projection fit(double width, double height) {
        double scale = Math.min(width / 360.0, height / (NORTH - SOUTH));
        return new Projection((width - 360 * scale) / 2, (height - (NORTH - SOUTH) * scale) / 2, scale);
    }

    public double x(double longitude) {
        return offsetX + (longitude + 180) * scale;
    }

    public double y(double latitude) {
        return offsetY + (NORTH - latitude) * scale;
    }
}
