package io.meridian.model.session;

import java.time.Instant;
import java.util.Objects;

/** One running backend process; {@code instanceId} changes on every restart. */
public record ServerIdentity(String name, String version, int apiMajor, int apiMinor, String instanceId,
                             Instant startedAt) {
    public ServerIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
