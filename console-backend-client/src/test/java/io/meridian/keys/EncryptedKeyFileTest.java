package io.meridian.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.client.ConnectionSecurity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys at rest: what is written can be read back with the passphrase, and with nothing else. */
class EncryptedKeyFileTest {
    private static final char[] PASSPHRASE = "a passphrase nobody guesses".toCharArray();

    @TempDir
    Path dir;

    @Test
    void aSigningKeyReadsBackAndSignsAsTheOriginal() throws Exception {
        var file = dir.resolve("signing-key.pem");
        var created = EncryptedKeyFile.createSigningKey(file, PASSPHRASE);
        var read = EncryptedKeyFile.readSigningKey(file, PASSPHRASE);
        assertThat(read.publicKey()).isEqualTo(created.publicKey());
        byte[] message = "approve proposal 7 version 3".getBytes(StandardCharsets.UTF_8);
        assertThat(created.publicKey().verify(message, read.sign(message))).isTrue();
        assertThat(Files.readString(file)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(read.toString()).isEqualTo("Ed25519PrivateKey[public=" + read.publicKey().base64() + "]");
    }

    @Test
    void aWrongPassphraseIsOneClearMessageWithoutTheSecret() throws Exception {
        var file = dir.resolve("signing-key.pem");
        EncryptedKeyFile.createSigningKey(file, PASSPHRASE);
        assertThatThrownBy(() -> EncryptedKeyFile.readSigningKey(file, "guess".toCharArray()))
                .isInstanceOf(KeyFileException.class)
                .hasMessage(file + ": cannot decrypt the key (wrong passphrase or damaged file)")
                .hasNoCause();
    }

    @Test
    void aKeyFileIsNeverOverwritten() throws Exception {
        var file = dir.resolve("signing-key.pem");
        var first = EncryptedKeyFile.createSigningKey(file, PASSPHRASE);
        assertThatThrownBy(() -> EncryptedKeyFile.createSigningKey(file, PASSPHRASE))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("already exists");
        assertThat(EncryptedKeyFile.readSigningKey(file, PASSPHRASE).publicKey()).isEqualTo(first.publicKey());
    }

    @Test
    void anUnencryptedKeyIsRefused() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var plain = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        var file = Files.writeString(dir.resolve("plain.pem"), plain);
        assertThatThrownBy(() -> EncryptedKeyFile.readPrivateKey(file, PASSPHRASE))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("not encrypted");
    }

    @Test
    void aTlsKeyReadsBackAndAnEcKeyIsNotASigningKey() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var key = generator.generateKeyPair().getPrivate();
        var file = dir.resolve("client-key.pem");
        EncryptedKeyFile.writePrivateKey(file, key, PASSPHRASE);
        assertThat(EncryptedKeyFile.readPrivateKey(file, PASSPHRASE).getEncoded()).isEqualTo(key.getEncoded());
        assertThatThrownBy(() -> EncryptedKeyFile.readSigningKey(file, PASSPHRASE))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("not an Ed25519 signing key");
        var security = ConnectionSecurity.mutualTls(null, dir.resolve("client.pem"), key);
        assertThat(security.toString()).contains("(hidden)").doesNotContain(key.toString());
    }

    @Test
    void anEmptyPassphraseIsRefusedWhenWriting() {
        assertThatThrownBy(() -> EncryptedKeyFile.createSigningKey(dir.resolve("k.pem"), new char[0]))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("empty passphrase");
    }
}
