package io.meridian.cli;

import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.client.BackendException;
import io.meridian.client.ConnectionSecurity;
import io.meridian.keys.EncryptedKeyFile;
import io.meridian.keys.KeyFileException;
import io.meridian.keys.PassphraseFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The options every command that connects to a backend shares: whom to trust, the client certificate that says who
 * we are (its key encrypted at rest, opened with the passphrase in a file), or a demo identity of a loopback demo
 * backend. Parsing checks the combinations; the key is read only when connecting.
 */
public record ConnectionOptions(Path tlsCa, Path tlsCert, Path tlsKey, Path passphraseFile, String demoIdentity,
                                Path signingKeyFile) {
    /** The option names, for {@link Arguments#parse}. */
    public static final Set<String> NAMES = Set.of("--tls-ca", "--tls-cert", "--tls-key", "--passphrase-file", "--as",
            "--signing-key");
    /** Their lines of a usage text. */
    public static final String USAGE = """
              --tls-ca PATH          PEM certificates to trust for the backend's TLS certificate
              --tls-cert PATH        PEM client certificate (mutual TLS): its CN is who the backend takes you for
              --tls-key PATH         its private key, encrypted PKCS#8 PEM, opened with --passphrase-file
              --passphrase-file PATH file whose first line is the passphrase of --tls-key
              --signing-key PATH     your Ed25519 decision-signing key, encrypted PKCS#8 PEM, opened with
                                     --passphrase-file: with it the console can approve and reject failovers
              --as ID                on a loopback demo backend, act as this member of the scenario's team
            """;

    /** The connection options of {@code a}; a combination that cannot work is a usage error saying why. */
    public static ConnectionOptions of(Arguments a) {
        var options = new ConnectionOptions(a.value("--tls-ca").map(Path::of).orElse(null),
                a.value("--tls-cert").map(Path::of).orElse(null), a.value("--tls-key").map(Path::of).orElse(null),
                a.value("--passphrase-file").map(Path::of).orElse(null), a.value("--as").orElse(null),
                a.value("--signing-key").map(Path::of).orElse(null));
        if ((options.tlsCert == null) != (options.tlsKey == null)) {
            throw new Arguments.UsageException("--tls-cert and --tls-key go together");
        }
        if (options.tlsKey != null && options.passphraseFile == null) {
            throw new Arguments.UsageException("--tls-key is encrypted: give its passphrase with --passphrase-file");
        }
        if (options.tlsKey == null && options.passphraseFile != null) {
            throw new Arguments.UsageException("--passphrase-file opens --tls-key; give both or neither");
        }
        if (options.signingKeyFile != null && options.tlsCert == null) {
            throw new Arguments.UsageException("--signing-key signs as the person your client certificate names: "
                    + "give --tls-cert and --tls-key too");
        }
        if (options.demoIdentity != null && (options.tlsCert != null || options.tlsCa != null)) {
            throw new Arguments.UsageException("--as names a demo identity of a loopback demo backend without TLS; "
                    + "with TLS, your client certificate says who you are");
        }
        return options;
    }

    /** True when any option asks for TLS. */
    public boolean tls() {
        return tlsCa != null || tlsCert != null;
    }

    /** The connection security, with the client key decrypted; a key that cannot be opened says why. */
    public ConnectionSecurity security() throws BackendException {
        if (tlsCert == null) {
            return new ConnectionSecurity(tlsCa, null, null, demoIdentity);
        }
        char[] passphrase = null;
        try {
            passphrase = PassphraseFile.read(passphraseFile, 1);
            return ConnectionSecurity.mutualTls(tlsCa, tlsCert, EncryptedKeyFile.readPrivateKey(tlsKey, passphrase));
        } catch (KeyFileException e) {
            throw new BackendException(BackendException.Kind.FAILED, e.getMessage(), e);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /** The decision-signing key of --signing-key, decrypted with the passphrase file; empty without the option. */
    public Optional<Ed25519PrivateKey> openSigningKey() throws BackendException {
        if (signingKeyFile == null) {
            return Optional.empty();
        }
        char[] passphrase = null;
        try {
            passphrase = PassphraseFile.read(passphraseFile, 1);
            return Optional.of(EncryptedKeyFile.readSigningKey(signingKeyFile, passphrase));
        } catch (KeyFileException e) {
            throw new BackendException(BackendException.Kind.FAILED, e.getMessage(), e);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }
}
