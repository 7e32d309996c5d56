package io.meridian.model.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution phase: its status, when it started and finished (null until it did), and what the platform observed
 * or why the phase failed.
 */
public record PhaseRecord(ExecutionPhase phase, PhaseStatus status, Instant startedAt, Instant finishedAt,
                          String detail) {
    public PhaseRecord {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    /** How long the phase took, or has run so far at {@code now}; empty before it started. */
    public Optional<Duration> duration(Instant now) {
        if (startedAt == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(startedAt, finishedAt == null ? now : finishedAt));
    }
}
