package io.meridian.console.map;

/**
 * Equirectangular projection of a longitude/latitude window into a rectangle, centred and letterboxed so the map
 * keeps its proportions. Simple on purpose: region markers and link arcs must land where operators expect them,
 * and straight meridians make that easy to check.
 */
public record Projection(double west, double north, double offsetX, double offsetY, double scale) {
    /** The inhabited latitudes: Antarctica and the high Arctic only waste a NOC wall's pixels. */
    public static final double NORTH = 84;
    public static final double SOUTH = -57;

    /** The projection that fits the whole world into width x height pixels. */
    public static Projection fit(double width, double height) {
        return fit(-180, 180, SOUTH, NORTH, width, height);
    }

    /** The projection that fits a window of the world (degrees) into width x height pixels. */
    public static Projection fit(double west, double east, double south, double north, double width, double height) {
        double scale = Math.min(width / (east - west), height / (north - south));
        return new Projection(west, north, (width - (east - west) * scale) / 2,
                (height - (north - south) * scale) / 2, scale);
    }

    /**
     * The window around a set of points (lon, lat pairs) with a margin, widened to at least {@code minSpan} degrees
     * and to the width-to-height ratio of the target, and kept within the world's bounds.
     */
    public static Projection around(double[] lonLat, double margin, double minSpan, double width, double height) {
        if (lonLat.length == 0) {
            return fit(width, height);
        }
        double west = 180;
        double east = -180;
        double south = 90;
        double north = -90;
        for (int i = 0; i < lonLat.length; i += 2) {
            west = Math.min(west, lonLat[i]);
            east = Math.max(east, lonLat[i]);
            south = Math.min(south, lonLat[i + 1]);
            north = Math.max(north, lonLat[i + 1]);
        }
        double lonSpan = Math.max(minSpan, east - west + 2 * margin);
        double latSpan = Math.max(minSpan / 2, north - south + 2 * margin);
        // Grow the shorter side so the window has the target's shape, then clamp to the world.
        double aspect = width / Math.max(1, height);
        if (lonSpan / latSpan < aspect) {
            lonSpan = latSpan * aspect;
        } else {
            latSpan = lonSpan / aspect;
        }
        lonSpan = Math.min(360, lonSpan);
        latSpan = Math.min(NORTH - SOUTH, latSpan);
        double centerLon = (west + east) / 2;
        double centerLat = (south + north) / 2;
        double w = clamp(centerLon - lonSpan / 2, -180, 180 - lonSpan);
        double s = clamp(centerLat - latSpan / 2, SOUTH, NORTH - latSpan);
        return fit(w, w + lonSpan, s, s + latSpan, width, height);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    public double x(double longitude) {
        return offsetX + (longitude - west) * scale;
    }

    public double y(double latitude) {
        return offsetY + (north - latitude) * scale;
    }
}
