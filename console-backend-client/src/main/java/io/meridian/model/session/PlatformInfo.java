package io.meridian.model.session;

import java.util.Objects;

/** The platform behind a backend: its kind, whether it is simulated, and the scenario or platform file it loaded. */
public record PlatformInfo(String kind, String displayName, boolean simulated, String scenarioName,
                           String scenarioTitle, long seed) {
    public PlatformInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(scenarioName, "scenarioName");
        Objects.requireNonNull(scenarioTitle, "scenarioTitle");
    }
}
