package io.meridian.postgres.platformfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.postgres.harness.PlatformFiles;
import io.meridian.server.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Platform file mistakes: each reported with the file, its JSON path (and line where the parser knows it). */
class PlatformFileLoaderTest {
    @TempDir
    Path dir;

    private Path valid() throws IOException {
        return PlatformFiles.write(dir, "demo", List.of(new PlatformFiles.ClusterDef("orders", List.of(
                new PlatformFiles.Replica("fra1", "eu-central-1", "PRIMARY", null, false, "127.0.0.1", 5432, ""),
                new PlatformFiles.Replica("dub1", "eu-west-1", "STANDBY", "fra1", true, "127.0.0.1", 5433, "")))),
                "");
    }

    private Path edited(String from, String to) throws IOException {
        var file = valid();
        var text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    @Test
    void loadsTheScenarioAndItsServers() throws Exception {
        var file = PlatformFileLoader.load(valid());
        assertThat(file.scenario().name()).isEqualTo("demo");
        assertThat(file.server("dub1").port()).isEqualTo(5433);
        assertThat(file.postgres().probeIntervalMillisOrDefault()).isEqualTo(500);
        assertThat(file.postgres().missedProbesOrDefault()).isEqualTo(3);
    }

    @Test
    void aStandbyInAnotherJurisdictionIsRefusedByTheResidencyPolicy() throws Exception {
        var file = PlatformFiles.write(dir, "abroad", List.of(new PlatformFiles.ClusterDef("orders", List.of(
                new PlatformFiles.Replica("fra1", "eu-central-1", "PRIMARY", null, false, "127.0.0.1", 5432, ""),
                new PlatformFiles.Replica("iad1", "us-east-1", "STANDBY", "fra1", false, "127.0.0.1", 5433, "")))),
                "");
        var lines = Files.readAllLines(file).stream()
                .map(line -> line.contains("\"id\": \"us-east-1\"") ? line.replace("[\"GDPR\"]", "[\"CCPA\"]") : line)
                .toList();
        assertThat(lines).anyMatch(line -> line.contains("[\"CCPA\"]"));
        Files.write(file, lines);
        assertThatThrownBy(() -> PlatformFileLoader.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("abroad.json").hasMessageContaining("GDPR").hasMessageContaining("us-east-1");
    }

    @Test
    void aScenarioFileWithoutThePostgresObjectIsRefused() throws Exception {
        var file = valid();
        var text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.indexOf(",\n  \"postgres\"")) + "\n}\n");
        assertThatThrownBy(() -> PlatformFileLoader.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("demo.json: no \"postgres\" object");
    }

    @Test
    void everyProblemOfTheSectionIsReportedWithItsPath() throws Exception {
        var file = edited("\"tlsMode\": \"disable\"}", "\"tlsMode\": \"disable\"},\n      {\"replica\": \"ghost\", "
                + "\"host\": \"db.example.org\", \"port\": 70000, \"database\": \"postgres\", "
                + "\"tlsMode\": \"disable\"}");
        Files.writeString(file, Files.readString(file)
                .replace("\"passwordEnv\": \"" + PlatformFiles.ACTION_ENV + "\"",
                        "\"passwordEnv\": \"1BAD\", \"passfile\": \"/root/.pgpass\"")
                .replace("\"user\": \"meridian_action\"", "\"user\": \"meridian_monitor\"")
                .replace("\"probeIntervalMillis\": 500", "\"probeIntervalMillis\": 500, \"fencingCommand\": "
                        + "[\"/usr/local/bin/fence\", \"{hostname}\"]"));
        assertThatThrownBy(() -> PlatformFileLoader.load(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("postgres.action.user: the action user must differ from the monitor user")
                .hasMessageContaining("postgres.action: give exactly one of passwordEnv")
                .hasMessageContaining("postgres.action.passwordEnv: '1BAD' is not an environment variable name")
                .hasMessageContaining("postgres.servers[1].replica: 'ghost' is not a replica of any cluster")
                .hasMessageContaining("postgres.servers[1].port: 70000 is out of range")
                .hasMessageContaining("postgres.servers[1].tlsMode: 'disable' for db.example.org, which is not "
                        + "loopback: use verify-full")
                .hasMessageContaining("postgres.fencingCommand[1]: unknown placeholder {hostname}");
    }

    @Test
    void aReplicaWithoutAServerIsNamed() throws Exception {
        var text = Files.readString(valid());
        var dub = text.indexOf(",\n      {\"replica\": \"dub1\"");
        var file = dir.resolve("demo.json");
        Files.writeString(file, text.substring(0, dub) + text.substring(text.indexOf('}', dub + 3) + 1));
        assertThatThrownBy(() -> PlatformFileLoader.load(file))
                .hasMessageContaining("postgres.servers: replica 'dub1' of cluster 'orders' has no server");
    }

    @Test
    void verifyFullNeedsItsRootCertificate() throws Exception {
        var file = edited("\"host\": \"127.0.0.1\", \"port\": 5433, \"database\": \"postgres\", \"tlsMode\": "
                + "\"disable\"", "\"host\": \"db.example.org\", \"port\": 5433, \"database\": \"postgres\", "
                + "\"tlsMode\": \"verify-full\"");
        assertThatThrownBy(() -> PlatformFileLoader.load(file))
                .hasMessageContaining("postgres.servers[1].tlsRootCert: required with tlsMode verify-full");
    }

    @Test
    void anUnknownFieldOrAWrongTypeIsReportedWithItsLine() throws Exception {
        var typo = edited("\"database\": \"postgres\", \"tlsMode\": \"disable\"}",
                "\"database\": \"postgres\", \"tlsmode\": \"disable\"}");
        assertThatThrownBy(() -> PlatformFileLoader.load(typo))
                .hasMessageMatching("(?s).*demo\\.json: line \\d+, column \\d+: postgres\\.servers\\[0]\\.tlsmode: "
                        + "unknown field 'tlsmode'.*");
        var type = edited("\"port\": 5432", "\"port\": \"5432\"");
        assertThatThrownBy(() -> PlatformFileLoader.load(type))
                .hasMessageMatching("(?s).*line \\d+, column \\d+: postgres\\.servers\\[0]\\.port: .*");
    }

    @Test
    void nullInTheSectionIsRefusedAndScenarioMistakesKeepTheirLines() throws Exception {
        var nulls = edited("\"probeIntervalMillis\": 500", "\"probeIntervalMillis\": null");
        assertThatThrownBy(() -> PlatformFileLoader.load(nulls))
                .hasMessageContaining("postgres.probeIntervalMillis: null is not allowed");
        var scenario = edited("\"detectionSeconds\": 5", "\"detectionSeconds\": \"5\"");
        int line = (int) Files.readString(scenario).lines().takeWhile(l -> !l.contains("\"detectionSeconds\""))
                .count() + 1;
        assertThatThrownBy(() -> PlatformFileLoader.load(scenario))
                .hasMessageContaining("line " + line + ", column")
                .hasMessageContaining("targets.detectionSeconds: expected a number, found a string");
    }

    @Test
    void theFileIsNamedAfterThePlatform() throws Exception {
        var file = valid();
        var renamed = Files.move(file, dir.resolve("other.json"));
        assertThatThrownBy(() -> PlatformFileLoader.load(renamed))
                .hasMessageContaining("must be named demo.json");
    }
}
