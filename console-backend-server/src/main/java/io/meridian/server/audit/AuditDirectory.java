package io.meridian.server.audit;

import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.audit.NoteSigner;
import io.meridian.audit.RegionKey;
import io.meridian.audit.TrustedKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An audit log in a directory, the same for every platform: {@code keys/} holds the checkpoint key and one signer
 * key per region, each encrypted with the passphrase (created on first use), {@code log/} the segments, and
 * {@code trusted-keys.txt} the public keys for an auditor to pin (after checking them by another channel).
 */
public final class AuditDirectory {
    private AuditDirectory() {
    }

    /**
     * Opens (or creates) the log and its keys, fed by {@code source}; region signer key ids are
     * {@code <region>/<signerSuffix>}. The returned audit is owned by the backend it is given to; on failure the
     * source is closed.
     */
    public static BackendAudit open(Path directory, char[] passphrase, String origin, List<String> regionIds,
                                    String signerSuffix, AuditSource source) throws IOException {
        return open(directory, passphrase, SigningKeyFile.ITERATIONS, origin, regionIds, signerSuffix, source);
    }

    /**
     * As {@link #open(Path, char[], String, List, String, AuditSource)}, with keys created under
     * {@code keyIterations} of PBKDF2 (fewer only where the passphrase is itself a random key, as the console's
     * embedded backend's is).
     */
    public static BackendAudit open(Path directory, char[] passphrase, int keyIterations, String origin,
                                    List<String> regionIds, String signerSuffix, AuditSource source)
            throws IOException {
        try {
            Path keys = Files.createDirectories(directory.resolve("keys"));
            var logSigner = NoteSigner.of(origin, key(keys.resolve("checkpoint.key"), passphrase, keyIterations));
            var signers = new ArrayList<RegionSigner>();
            for (var region : regionIds) {
                signers.add(new RegionSigner(region, region + "/" + signerSuffix,
                        key(keys.resolve(region + ".key"), passphrase, keyIterations)));
            }
            var trusted = new TrustedKeys(List.of(logSigner.key()), signers.stream()
                    .map(s -> new RegionKey(s.region(), s.keyId(), s.key().publicKey())).toList());
            Files.writeString(directory.resolve("trusted-keys.txt"), trusted.format());
            var log = AuditLog.open(directory.resolve("log"), origin, logSigner, signers);
            return new BackendAudit(log, source, List.of(logSigner.key()), signers, BackendAudit.CHECKPOINT_INTERVAL);
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private static Ed25519PrivateKey key(Path file, char[] passphrase, int iterations) throws IOException {
        return Files.exists(file) ? SigningKeyFile.read(file, passphrase)
                : SigningKeyFile.create(file, passphrase, iterations);
    }
}
