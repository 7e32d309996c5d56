package io.meridian.postgres.platformfile;

import io.meridian.server.scenario.Scenario;
import java.nio.file.Path;
import java.util.Objects;

/** A loaded and validated platform file: the scenario part (regions, clusters, targets) and its postgres section. */
public record PlatformFile(Path path, Scenario scenario, PostgresSection postgres) {
    public PlatformFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(postgres, "postgres");
    }

    /** The server of a replica; the validator made sure every replica has exactly one. */
    public PostgresSection.ServerSpec server(String replicaId) {
        return postgres.servers().stream().filter(s -> s.replica().equals(replicaId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no server for replica '" + replicaId + "'"));
    }
}
