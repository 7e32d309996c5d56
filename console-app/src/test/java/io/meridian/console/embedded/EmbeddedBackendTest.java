package io.meridian.console.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.audit.SignedNote;
import io.meridian.audit.TrustedKeys;
import io.meridian.console.userdata.UserDirectories;
import io.meridian.sim.ShippedScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded backend's audit log: keys made once by the console, kept owner-only, pinned, reused. */
class EmbeddedBackendTest {
    @Test
    void theConsolePinsTheKeysItMadeAndKeepsThemAcrossStarts(@TempDir Path home) throws Exception {
        var directories = new UserDirectories(home.resolve("config"), home.resolve("data"), home.resolve("state"),
                Map.of());
        var scenario = ShippedScenarios.load("quasim-phase-vii");
        TrustedKeys first;
        try (var backend = EmbeddedBackend.start(scenario, 1, null, new EmbeddedAudit(directories))) {
            first = backend.trustRoots().trusted().orElseThrow();
            assertThat(first.regionKeys()).hasSize(scenario.regions().size());
            // The checkpoint the backend serves verifies under the keys the console pinned.
            SignedNote.parse(backend.audit().latestCheckpoint()).verify(first.checkpointKeys());
        }
        var pinned = home.resolve("config").resolve("trust-roots").resolve("embedded-quasim-phase-vii.txt");
        assertThat(Files.readString(pinned)).contains(first.format().lines().skip(1).toList());
        assertThat(backendFiles(home)).allSatisfy(file -> assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file))).isEqualTo("rw-------"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("data").resolve("audit")
                .resolve("embedded")))).isEqualTo("rwx------");

        try (var again = EmbeddedBackend.start(scenario, 1, null, new EmbeddedAudit(directories))) {
            assertThat(again.trustRoots().trusted().orElseThrow().format()).isEqualTo(first.format());
        }
    }

    /** The passphrase and the encrypted keys. */
    private static List<Path> backendFiles(Path home) throws Exception {
        var embedded = home.resolve("data").resolve("audit").resolve("embedded");
        try (var keys = Files.list(embedded.resolve("quasim-phase-vii").resolve("keys"))) {
            var files = new ArrayList<>(keys.toList());
            files.add(embedded.resolve("passphrase"));
            return files;
        }
    }
}
