package io.meridian.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline command on the attack corpus' files: exit status, readable report and JSON. */
class VerifyBundleCommandTest {
    private static final Path CORPUS = Path.of("src/test/resources/audit/attacks");
    private static final String KEYS = CORPUS.resolve("trusted-keys.txt").toString();

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = VerifyBundleCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aValidBundleExitsZero() {
        var run = run(CORPUS.resolve("valid-range.json").toString(), "--trusted-keys", KEYS);
        assertThat(run.status()).isEqualTo(VerifyBundleCommand.VERIFIED);
        assertThat(run.out()).contains("Result: VERIFIED").contains("Entries checked: 6");
    }

    @Test
    void tamperingExitsOneAndNamesTheClassAndEntry() {
        var run = run(CORPUS.resolve("01-changed-field.json").toString(), "--trusted-keys", KEYS);
        assertThat(run.status()).isEqualTo(VerifyBundleCommand.TAMPERED);
        assertThat(run.out()).contains("TAMPERING FOUND").contains("ENTRY_SIGNATURE_INVALID at entry 5");
    }

    @Test
    void jsonReportCarriesTheSameVerdict() throws Exception {
        var run = run(CORPUS.resolve("09-deleted-entry.json").toString(), "--trusted-keys", KEYS, "--json");
        assertThat(run.status()).isEqualTo(VerifyBundleCommand.TAMPERED);
        var json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("result").asText()).isEqualTo("tampered");
        assertThat(json.get("exitStatus").asInt()).isEqualTo(1);
        assertThat(json.get("counts").has("ENTRY_MISSING")).isTrue();
        assertThat(json.get("findings").get(0).has("class")).isTrue();
    }

    @Test
    void malformedInputExitsTwo() {
        var run = run(CORPUS.resolve("32-malformed-json.json").toString(), "--trusted-keys", KEYS);
        assertThat(run.status()).isEqualTo(VerifyBundleCommand.UNUSABLE);
        assertThat(run.out()).contains("UNUSABLE INPUT").contains("not valid JSON");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run().status()).isEqualTo(2);
        assertThat(run("b.json").status()).isEqualTo(2);
        assertThat(run("b.json", "--trusted-keys", KEYS, "--bogus").status()).isEqualTo(2);
        assertThat(run("missing.json", "--trusted-keys", KEYS).err()).contains("cannot read missing.json");
        assertThat(run("b.json", "--trusted-keys", "missing-keys.txt").err()).contains("trusted keys");
        assertThat(run("--help").status()).isZero();
    }

    @Test
    void aBadKeysFileIsUnusableInput(@TempDir Path dir) throws Exception {
        var keys = Files.writeString(dir.resolve("keys.txt"), "checkpoint nonsense\n");
        var run = run(CORPUS.resolve("valid-range.json").toString(), "--trusted-keys", keys.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("keys.txt line 1");
    }

    @Test
    void anAbsurdlyLargeFileIsRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.json");
        try (var file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength((1L << 30) + 1);
        }
        var run = run(huge.toString(), "--trusted-keys", KEYS);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("more than");
    }
}
