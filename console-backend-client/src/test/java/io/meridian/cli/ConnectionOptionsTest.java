package io.meridian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.client.BackendException;
import io.meridian.keys.EncryptedKeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionOptionsTest {
    @TempDir
    Path dir;

    private static ConnectionOptions parse(String... args) {
        return ConnectionOptions.of(Arguments.parse(List.of(args), ConnectionOptions.NAMES, Set.of()));
    }

    @Test
    void aSigningKeyBelongsToThePersonACertificateNames() {
        assertThatThrownBy(() -> parse("--signing-key", "me.pem"))
                .isInstanceOf(Arguments.UsageException.class).hasMessageContaining("give --tls-cert and --tls-key");
    }

    @Test
    void theSigningKeyOpensWithThePassphraseFileAndAWrongOneSaysSo() throws Exception {
        var passphrase = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
        var key = EncryptedKeyFile.createSigningKey(dir.resolve("signing.pem"), "correct horse battery staple"
                .toCharArray());
        var options = parse("--tls-cert", "c.pem", "--tls-key", "k.pem", "--passphrase-file", passphrase.toString(),
                "--signing-key", dir.resolve("signing.pem").toString());
        assertThat(options.openSigningKey()).hasValueSatisfying(opened ->
                assertThat(opened.publicKey()).isEqualTo(key.publicKey()));
        Files.writeString(passphrase, "wrong\n");
        assertThatThrownBy(options::openSigningKey).isInstanceOf(BackendException.class)
                .hasMessageNotContaining("correct horse");
        assertThat(parse().openSigningKey()).isEmpty();
    }
}
