package io.meridian.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the pinned keys file: what it holds, or why it cannot be used. */
class TrustRootsTest {
    @Test
    void aTrustedKeysFileIsReadAndDescribed(@TempDir Path dir) throws Exception {
        var file = dir.resolve("keys.txt");
        Files.writeString(file, FakeAuditLog.trusted().format());
        var roots = TrustRoots.read(file, "");
        assertThat(roots.trusted()).isPresent();
        assertThat(roots.describe()).isEqualTo("1 checkpoint key, 2 region keys pinned in " + file);
    }

    @Test
    void aMissingOrDamagedFileIsAProblemNamed(@TempDir Path dir) throws Exception {
        assertThat(TrustRoots.read(dir.resolve("none.txt"), "Pin them.").problem())
                .isEqualTo("no trust roots are pinned: " + dir.resolve("none.txt") + " does not exist. Pin them.");
        var damaged = dir.resolve("damaged.txt");
        Files.writeString(damaged, "checkpoint not-a-key\n");
        assertThat(TrustRoots.read(damaged, "").problem()).startsWith("the trusted keys file cannot be used: "
                + damaged + " line 1");
        var binary = dir.resolve("binary.txt");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe});
        assertThat(TrustRoots.read(binary, "").problem()).endsWith("is not UTF-8 text");
    }
}
