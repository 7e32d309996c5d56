package io.meridian.sim;

import io.meridian.server.audit.AuditDirectory;
import io.meridian.server.audit.BackendAudit;
import io.meridian.server.audit.SigningKeyFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The simulated backend's audit log: an {@link AuditDirectory} fed by simulated queries, one log per scenario.
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
        var queries = new SimulatedQueries(regions, seed, options.queriesPerSecond(), BATCH_TICK, Clock.systemUTC());
        return AuditDirectory.open(options.directory(), options.passphrase(), options.keyIterations(),
                origin(scenario), regions, "sim", queries);
    }
}
