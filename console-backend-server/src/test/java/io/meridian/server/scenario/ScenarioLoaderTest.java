package io.meridian.server.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when a scenario file cannot be read: the file, the place in it, and what is wrong. */
class ScenarioLoaderTest {
    @TempDir
    Path dir;
    private String example;

    @BeforeEach
    void readExample() throws IOException {
        try (InputStream in = ScenarioLoaderTest.class.getResourceAsStream("example-eu.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void loadsAValidFileNamedAfterItsScenario() throws Exception {
        var scenario = ScenarioLoader.load(write("example-eu.json", example));

        assertThat(scenario.name()).isEqualTo("example-eu");
        assertThat(scenario.regions()).extracting(Scenario.RegionSpec::id).containsExactly("eu-central-1", "eu-west-1");
        assertThat(scenario.clusters().getFirst().replicas().get(1).sync()).isTrue();
        assertThat(scenario.targets().availabilityPercent()).isEqualTo(99.95);
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws Exception {
        // Line 4 loses its comma, so the parser stumbles at the start of line 5.
        var file = write("example-eu.json", replace(example, "two EU regions\",", "two EU regions\""));

        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith(file + ": line 5, column 3: not valid JSON: ")
                .hasMessageContaining("comma");
    }

    @Test
    void commentsAndTrailingCommasAreNotJson() throws Exception {
        var comment = write("example-eu.json",
                replace(example, "\"schemaVersion\": 1,", "\"schemaVersion\": 1, // v1"));
        assertThatThrownBy(() -> ScenarioLoader.load(comment))
                .hasMessageContaining("line 2, column ")
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("comment");

        var trailing = write("example-eu.json",
                replace(example, "\"latencyP95Millis\": 500", "\"latencyP95Millis\": 500,"));
        assertThatThrownBy(() -> ScenarioLoader.load(trailing))
                .hasMessageContaining("line 15, column ")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void anUnknownFieldIsNamedWithTheKnownOnes() throws Exception {
        var file = write("example-eu.json", replace(example, "\"rpoSeconds\": 300}", "\"rpoSecond\": 300}"));

        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .hasMessageContaining("line 18, column ")
                .hasMessageContaining("tiers[1].rpoSecond: unknown field 'rpoSecond' (known fields: name, note, "
                        + "rpoSeconds, rtoSeconds)");
    }

    @Test
    void aWrongTypeNamesThePathAndBothTypes() throws Exception {
        var file = write("example-eu.json",
                replace(example, "\"detectionSeconds\": 30", "\"detectionSeconds\": \"30\""));

        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .hasMessage(file + ": line 8, column 25: targets.detectionSeconds: expected a number, found a string");
    }

    @Test
    void valuesAreNeverConverted() throws Exception {
        var number = write("example-eu.json", replace(example, "\"Example: two EU regions\"", "42"));
        assertThatThrownBy(() -> ScenarioLoader.load(number))
                .hasMessageContaining("title: expected a string, found an integer");

        var flag = write("example-eu.json", replace(example, "\"sync\": true", "\"sync\": 1"));
        assertThatThrownBy(() -> ScenarioLoader.load(flag))
                .hasMessageContaining("clusters[0].replicas[1].sync: expected true or false, found an integer");

        var version = write("example-eu.json", replace(example, "\"schemaVersion\": 1", "\"schemaVersion\": 1.0"));
        assertThatThrownBy(() -> ScenarioLoader.load(version))
                .hasMessageContaining("schemaVersion: expected an integer");

        var list = write("example-eu.json", replace(example, "\"jurisdictions\": [\"GDPR\"], \"tier\": \"WARM\"",
                "\"jurisdictions\": \"GDPR\", \"tier\": \"WARM\""));
        assertThatThrownBy(() -> ScenarioLoader.load(list))
                .hasMessageContaining("regions[1].jurisdictions: expected an array, found a string");
    }

    @Test
    void aDuplicateKeyIsNamedWithItsLine() throws Exception {
        var file = write("example-eu.json", replace(example, "\"tier\": \"WARM\", \"role\": \"DR\"",
                "\"tier\": \"WARM\", \"role\": \"DR\",\n     \"tier\": \"HOT\""));

        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .hasMessageStartingWith(file + ": line 25, column ")
                .hasMessageContaining("regions[1].tier: duplicate key 'tier'");
    }

    @Test
    void everyNullIsReported() throws Exception {
        var file = write("example-eu.json", replace(replace(example, "\"note\": \"automatic failover\"",
                "\"note\": null"), "\"sync\": true", "\"sync\": null"));

        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .hasMessageContaining("2 problems")
                .hasMessageContaining("line 17, column ")
                .hasMessageContaining("tiers[0].note: null is not allowed")
                .hasMessageContaining("clusters[0].replicas[1].sync: null is not allowed");
    }

    @Test
    void aMissingFileIsNamed() {
        var file = dir.resolve("nowhere.json");

        assertThatThrownBy(() -> ScenarioLoader.load(file)).hasMessage(file + ": no such file");
    }

    @Test
    void anEmptyFileIsNotAScenario() throws Exception {
        var empty = write("empty.json", "");
        assertThatThrownBy(() -> ScenarioLoader.load(empty))
                .hasMessage(empty + ": the file is empty; expected a JSON object");

        var blank = write("blank.json", " \n\t\n");
        assertThatThrownBy(() -> ScenarioLoader.load(blank)).hasMessageContaining("the file is empty");

        var nothing = write("nothing.json", "null");
        assertThatThrownBy(() -> ScenarioLoader.load(nothing)).hasMessageContaining("only null");

        var array = write("array.json", "[]");
        assertThatThrownBy(() -> ScenarioLoader.load(array))
                .hasMessageContaining("line 1, column 1: expected an object, found an array");
    }

    @Test
    void contentAfterTheObjectIsAnError() throws Exception {
        var file = write("example-eu.json", example + "\n{}\n");

        assertThatThrownBy(() -> ScenarioLoader.load(file)).hasMessageContaining("unexpected content after the end");
    }

    @Test
    void aUtf16FileIsRefused() throws Exception {
        var file = dir.resolve("example-eu.json");
        Files.write(file, example.getBytes(StandardCharsets.UTF_16));

        assertThatThrownBy(() -> ScenarioLoader.load(file)).hasMessageContaining("not UTF-8");
    }

    @Test
    void theNameMustEqualTheFileName() throws Exception {
        var file = write("foo.json", example);

        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .hasMessage(file + ": name: is 'example-eu' but the file is named 'foo.json'; the name must equal "
                        + "the file name without .json");

        var noSuffix = write("example-eu.txt", example);
        assertThatThrownBy(() -> ScenarioLoader.load(noSuffix)).hasMessageContaining("must be named <name>.json");
    }

    @Test
    void aStreamIsNotComparedWithAFileName() throws Exception {
        var in = new ByteArrayInputStream(example.getBytes(StandardCharsets.UTF_8));

        assertThat(ScenarioLoader.load("shipped/whatever.json", in).name()).isEqualTo("example-eu");
    }

    @Test
    void everyValidationProblemIsListedUnderTheSourceName() {
        var broken = replace(replace(example, "\"latencyP50Millis\": 200", "\"latencyP50Millis\": 800"),
                "\"upstream\": \"orders-dub-1\"", "\"upstream\": \"orders-dub-9\"");
        var in = new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ScenarioLoader.load("my-scenario", in))
                .hasMessageStartingWith("my-scenario: 2 problems:\n  - targets.latencyP50Millis: ")
                .hasMessageContaining("\n  - clusters[0].replicas[3].upstream: replica 'orders-dub-2' names upstream "
                        + "'orders-dub-9', which is not a member of this cluster");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Replaces text that must occur exactly once, so a test cannot silently stop testing what it claims to. */
    private static String replace(String text, String target, String replacement) {
        assertThat(text.split(java.util.regex.Pattern.quote(target), -1)).as("occurrences of %s", target).hasSize(2);
        return text.replace(target, replacement);
    }
}
