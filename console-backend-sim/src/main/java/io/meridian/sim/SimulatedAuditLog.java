package io.meridian.sim;

import io.meridian.model.topology.Region;
import io.meridian.server.audit.AuditDirectory;
import io.meridian.server.audit.BackendAudit;
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

    /** Where and how: the directory, the key passphrase, the aggregate query rate per second. */
    public record Options(Path directory, char[] passphrase, double queriesPerSecond) {
        public Options {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(passphrase, "passphrase");
            if (passphrase.length == 0) {
                throw new IllegalArgumentException("the audit key passphrase must not be empty");
            }
        }
    }

    private SimulatedAuditLog() {
    }

    /** The log's origin for a scenario: one log per scenario, so a directory is never continued by another. */
    static String origin(String scenario) {
        return "meridian-simulator/audit/" + scenario;
    }

    /** Opens (or creates) the log and its keys; the returned audit is owned by the backend it is given to. */
    public static BackendAudit open(Options options, String scenario, List<Region> regions, long seed)
            throws IOException {
        var queries = new SimulatedQueries(regions.stream().map(Region::id).toList(), seed,
                options.queriesPerSecond(), BATCH_TICK, Clock.systemUTC());
        return AuditDirectory.open(options.directory(), options.passphrase(), origin(scenario),
                regions.stream().map(Region::id).toList(), "sim", queries);
    }
}
