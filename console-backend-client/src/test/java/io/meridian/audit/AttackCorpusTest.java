package io.meridian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tampered bundle in src/test/resources/audit/attacks (listed in manifest.tsv with the class it must be named
 * with) is detected and named; the two valid bundles verify clean. The files are read as an auditor would get them.
 */
class AttackCorpusTest {
    private static final Path DIR = GoldenFiles.RESOURCES.resolve("attacks");

    @Test
    void filesMatchTheGenerator() throws Exception {
        GoldenFiles.check(DIR, AttackCorpus.files());
    }

    static Stream<Arguments> attacks() throws Exception {
        return Files.readAllLines(DIR.resolve("manifest.tsv")).stream()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .map(f -> Arguments.of(f[0], TamperClass.valueOf(f[1]), f[2]));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("attacks")
    void everyAttackIsDetectedAndNamed(String file, TamperClass expected, String description) throws Exception {
        var report = verify(file);
        assertThat(report.verified()).as(description).isFalse();
        assertThat(report.counts()).as("%s: %s; found %s", file, description, report.findings())
                .containsKey(expected);
        if (expected != TamperClass.MALFORMED_INPUT) {
            assertThat(report.unusable()).as("tampering is not unusable input").isFalse();
        }
    }

    @Test
    void theCorpusCoversEveryTamperClass() throws Exception {
        var covered = attacks().map(a -> (TamperClass) a.get()[1]).distinct().toList();
        assertThat(covered).containsExactlyInAnyOrder(TamperClass.values());
    }

    @Test
    void validBundlesVerifyClean() throws Exception {
        for (String file : List.of("valid-complete.json", "valid-range.json")) {
            var report = verify(file);
            assertThat(report.findings()).as(file).isEmpty();
            assertThat(report.entriesChecked()).isPositive();
        }
    }

    static VerificationReport verify(String file) throws Exception {
        var keys = TrustedKeys.parse(Files.readString(DIR.resolve("trusted-keys.txt")), "trusted-keys.txt");
        return new BundleVerifier(keys).verify(DIR.resolve(file));
    }
}
