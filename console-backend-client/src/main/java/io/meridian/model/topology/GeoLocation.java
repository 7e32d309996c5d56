package io.meridian.model.topology;

/** A point on Earth in degrees (WGS 84); the constructor refuses values off the globe. */
public record GeoLocation(double latitude, double longitude) {
    public GeoLocation {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90, was " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180, was " + longitude);
        }
    }
}
