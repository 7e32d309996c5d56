package io.meridian.console.embedded;

import io.meridian.audit.RegionKey;
import io.meridian.audit.TrustedKeys;
import io.meridian.console.userdata.PrivateFiles;
import io.meridian.console.userdata.UserDataException;
import io.meridian.console.userdata.UserDirectories;
import io.meridian.server.audit.BackendAudit;
import io.meridian.sim.SimulatedAuditLog;
import io.meridian.sim.SimulatedBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded backend's audit log, kept in the user's data directory, one log per scenario. The console makes its
 * checkpoint and region signing keys there on first use (encrypted PKCS#8, {@code SigningKeyFile}) and, since it made
 * them, may pin their public halves as trust roots: they come from its own private keys, never from what the backend
 * serves. The passphrase is random and sits in an owner-only file beside the keys: it keeps the keys useless to
 * whoever copies the key files alone; the owner-only permissions are what protect them on this account.
 * Logs live in {@code <data>/audit/embedded/<scenario>/}, the shared passphrase in {@code <data>/audit/embedded/},
 * and the pinned public keys in {@code <config>/trust-roots/embedded-<scenario>.txt}.
 */
public record EmbeddedAudit(UserDirectories directories) {
    /**
     * Simulated queries per second: enough to see the log grow, little enough that a console left running for a week
     * writes about a million entries (about 250 MB), which the backend reads back at each start.
     */
    static final double QUERIES_PER_SECOND = 2;
    /**
     * PBKDF2 iterations of the keys made here. The passphrase is 256 random bits, which stretching cannot make harder
     * to guess; the full count would cost every start about a quarter of a second per key (docs/audit-console.md).
     */
    static final int KEY_ITERATIONS = 1_000;
    private static final int PASSPHRASE_BYTES = 32;

    /** Opens the log of {@code options}' scenario, creating directories, passphrase and keys when missing. */
    BackendAudit open(SimulatedBackend.Options options) throws IOException {
        var directory = directories.data().resolve("audit").resolve("embedded");
        privateDirectory(directory, "audit log", directories.originOf(directories.data()));
        char[] passphrase = passphrase(directory.resolve("passphrase"));
        return SimulatedBackend.openAudit(options, new SimulatedAuditLog.Options(
                directory.resolve(options.scenario().name()), passphrase, QUERIES_PER_SECOND, KEY_ITERATIONS));
    }

    /** The public halves of the keys the console made for {@code audit}: the embedded backend's trust roots. */
    public static TrustedKeys trustedKeys(BackendAudit audit) {
        return new TrustedKeys(audit.checkpointKeys(), audit.regionSigners().stream()
                .map(s -> new RegionKey(s.region(), s.keyId(), s.key().publicKey())).toList());
    }

    /**
     * Writes the trust roots of a scenario's embedded log to {@code <trustRootsDirectory>/embedded-<scenario>.txt},
     * so that an auditor can check a bundle exported from it offline with {@code verify-bundle --trusted-keys}.
     */
    Path pin(String scenario, TrustedKeys keys) throws IOException {
        var trustRootsDirectory = directories.config().resolve("trust-roots");
        privateDirectory(trustRootsDirectory, "trust roots", directories.originOf(directories.config()));
        var file = trustRootsDirectory.resolve("embedded-" + scenario + ".txt");
        PrivateFiles.write(file, ("# The keys this console made for its embedded backend's audit log, scenario "
                + scenario + ".\n" + keys.format()).getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static void privateDirectory(Path directory, String purpose, String origin) throws IOException {
        try {
            PrivateFiles.directory(directory, purpose, origin);
        } catch (UserDataException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static char[] passphrase(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[PASSPHRASE_BYTES];
            new SecureRandom().nextBytes(random);
            PrivateFiles.write(file, Base64.getEncoder().encode(random));
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
    }
}
