package io.meridian.postgres.connect;

import io.meridian.postgres.platformfile.PostgresSection;
import java.util.Objects;

/**
 * One PostgreSQL server of the platform: the replica it runs, where it is, and the credentials to use on it. Its
 * {@link #where()} is how every message names it.
 */
public record Server(String clusterId, String replicaId, String regionId, PostgresSection.ServerSpec spec,
                     PostgresSection.Credential monitor, PostgresSection.Credential action) {
    public Server {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(replicaId, "replicaId");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(action, "action");
    }

    public String host() {
        return spec.host();
    }

    public int port() {
        return spec.port();
    }

    /** "region eu-west-1, server orders-dub-1 (10.0.0.5:5432)": the prefix of every message about this server. */
    public String where() {
        return "region " + regionId + ", server " + replicaId + " (" + host() + ":" + port() + ")";
    }
}
