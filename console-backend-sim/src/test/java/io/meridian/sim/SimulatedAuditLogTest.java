package io.meridian.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.audit.TrustedKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedAuditLogTest {
    @Test
    void createsEncryptedKeysOnceAndPublishesThePublicOnes(@TempDir Path dir) throws Exception {
        var scenario = ShippedScenarios.choose("sovren", null);
        var regions = new SimulatedPlatform(scenario, 1, Duration.ofSeconds(1), Clock.systemUTC()).topology()
                .regions().stream().map(region -> region.id()).toList();
        var options = new SimulatedAuditLog.Options(dir, "s3cret".toCharArray(), 50);
        var first = SimulatedAuditLog.open(options, scenario.name(), regions, 1);
        first.log().close();
        String pinned = Files.readString(dir.resolve("trusted-keys.txt"));
        var keys = TrustedKeys.parse(pinned, "trusted-keys.txt");
        assertThat(keys.regionKeys()).hasSize(regions.size());
        assertThat(keys.checkpointKeys().getFirst().name()).isEqualTo(SimulatedAuditLog.origin(scenario.name()));
        assertThat(Files.readString(dir.resolve("keys/checkpoint.key"))).contains("ENCRYPTED PRIVATE KEY");

        var again = SimulatedAuditLog.open(options, scenario.name(), regions, 1);
        again.log().close();
        assertThat(Files.readString(dir.resolve("trusted-keys.txt"))).isEqualTo(pinned);

        var wrong = new SimulatedAuditLog.Options(dir, "guess".toCharArray(), 50);
        assertThatThrownBy(() -> SimulatedAuditLog.open(wrong, scenario.name(), regions, 1))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot decrypt");
    }
}
