package io.meridian.sim;

import io.meridian.audit.NoteSigner;
import io.meridian.audit.RegionKey;
import io.meridian.audit.TrustedKeys;
import io.meridian.server.audit.AuditLog;
import io.meridian.server.audit.BackendAudit;
import io.meridian.server.audit.RegionSigner;
import io.meridian.server.audit.SigningKeyFile;
import io.meridian.audit.Ed25519PrivateKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The simulated backend's audit log in a directory: {@code keys/} holds the checkpoint key and one signer key per
 * region, each encrypted with the passphrase (created on first use), {@code log/} the segments, and
 * {@code trusted-keys.txt} the public keys for an auditor to pin (after checking them by another channel).
 */
public final class SimulatedAuditLog {
    /** Batches of simulated queries are appended (and forced to disk) four times a second. */
    static final Duration BATCH_TICK = Duration.ofMillis(250);

    /**
     * Where and how: the directory, the key passphrase, the aggregate query rate per second, and the PBKDF2
     * iterations of keys made here ({@link SigningKeyFile#create(Path, char[], int)}: fewer only for a random
     * passphrase).
     */
    public record Options(Path directory, char[] passphrase, double queriesPerSecond, int keyIterations) {
        public Options {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(passphrase, "passphrase");
            if (passphrase.length == 0) {
                throw new IllegalArgumentException("the audit key passphrase must not be empty");
            }
        }

        /** Keys stretched for a passphrase a person chose. */
        public Options(Path directory, char[] passphrase, double queriesPerSecond) {
            this(directory, passphrase, queriesPerSecond, SigningKeyFile.ITERATIONS);
        }
    }

    private SimulatedAuditLog() {
    }

    /** The log's origin for a scenario: one log per scenario, so a directory is never continued by another. */
    static String origin(String scenario) {
        return "meridian-simulator/audit/" + scenario;
    }

    /**
     * Opens (or creates) the log and its keys, one signer per region id; the returned audit is owned by the backend
     * it is given to.
     */
    public static BackendAudit open(Options options, String scenario, List<String> regions, long seed)
            throws IOException {
        Path keys = Files.createDirectories(options.directory().resolve("keys"));
        String origin = origin(scenario);
        var logSigner = NoteSigner.of(origin, key(keys.resolve("checkpoint.key"), options));
        var signers = new ArrayList<RegionSigner>();
        for (var region : regions) {
            signers.add(new RegionSigner(region, region + "/sim", key(keys.resolve(region + ".key"), options)));
        }
        var trusted = new TrustedKeys(List.of(logSigner.key()), signers.stream()
                .map(s -> new RegionKey(s.region(), s.keyId(), s.key().publicKey())).toList());
        Files.writeString(options.directory().resolve("trusted-keys.txt"), trusted.format());
        var log = AuditLog.open(options.directory().resolve("log"), origin, logSigner, signers);
        var queries = new SimulatedQueries(regions, seed,
                options.queriesPerSecond(), BATCH_TICK, Clock.systemUTC());
        return new BackendAudit(log, queries, List.of(logSigner.key()), signers, BackendAudit.CHECKPOINT_INTERVAL);
    }

    private static Ed25519PrivateKey key(Path file, Options options) throws IOException {
        return Files.exists(file) ? SigningKeyFile.read(file, options.passphrase())
                : SigningKeyFile.create(file, options.passphrase(), options.keyIterations());
    }
}
