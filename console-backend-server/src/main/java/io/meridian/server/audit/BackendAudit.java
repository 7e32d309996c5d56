package io.meridian.server.audit;

import io.meridian.audit.NoteKey;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The audit part of a backend: the log, what feeds it, the keys it shows clients, and how often it publishes a
 * checkpoint ({@link #CHECKPOINT_INTERVAL}, the ORD archive's 30 s cadence in quasim-phase-vii, unless a test says
 * otherwise). The backend that receives it owns it and closes source and log.
 */
public record BackendAudit(AuditLog log, AuditSource source, List<NoteKey> checkpointKeys,
        List<RegionSigner> regionSigners, Duration checkpointInterval) implements AutoCloseable {
    public static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(30);

    public BackendAudit {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(source, "source");
        checkpointKeys = List.copyOf(checkpointKeys);
        regionSigners = List.copyOf(regionSigners);
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpoint interval must be positive, was " + checkpointInterval);
        }
    }

    /** Stops the source first, so that nothing is appended to a closed log, then closes the log. */
    @Override
    public void close() throws IOException {
        source.close();
        log.close();
    }
}
