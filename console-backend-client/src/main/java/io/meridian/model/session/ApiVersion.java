package io.meridian.model.session;

/** The meridian API version this code speaks. A different major version is incompatible; minors only add. */
public final class ApiVersion {
    public static final int MAJOR = 1;
    public static final int MINOR = 0;

    private ApiVersion() {
    }
}
