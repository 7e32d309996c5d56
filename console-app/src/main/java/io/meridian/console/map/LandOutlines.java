package io.meridian.console.map;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Natural Earth land outlines (public domain), shipped as assets/map/land-50m.txt: one ring per line of
 * "lon,lat" pairs in hundredths of a degree. Rings are kept as flat arrays of degrees, longitude then latitude.
 */
public final class LandOutlines {
    private static final String RESOURCE = "land-50m.txt";
    private final List<double[]> rings;

    private LandOutlines(List<double[]> rings) {
        this.rings = List.copyOf(rings);
    }

    /** The outlines shipped with the console. */
    public static LandOutlines shipped() {
        try (InputStream in = LandOutlines.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("map outlines " + RESOURCE + " are missing from this build");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LandOutlines parse(InputStream in) throws IOException {
        var rings = new ArrayList<double[]>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                var points = line.split(" ");
                var ring = new double[points.length * 2];
                for (int i = 0; i < points.length; i++) {
                    int comma = points[i].indexOf(',');
                    if (comma < 0) {
                        throw new IOException(RESOURCE + " line " + lineNumber + ": '" + points[i]
                                + "' is not lon,lat");
                    }
                    ring[2 * i] = Integer.parseInt(points[i], 0, comma, 10) / 100.0;
                    ring[2 * i + 1] = Integer.parseInt(points[i], comma + 1, points[i].length(), 10) / 100.0;
                }
                rings.add(ring);
            }
        }
        return new LandOutlines(rings);
    }

    /** Rings as [lon0, lat0, lon1, lat1, ...] in degrees. */
    public List<double[]> rings() {
        return rings;
    }
}
