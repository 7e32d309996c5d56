package io.meridian.model.telemetry;

import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.SnapshotReason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A batch of a telemetry stream. A snapshot carries every key and replaces the receiver's state; otherwise the
 * samples update their keys. An empty batch is a heartbeat. {@code coalesced} counts older samples of these keys
 * that the server replaced by newer ones before sending.
 */
public record TelemetryBatch(JournalPosition position, Instant time, SnapshotReason snapshotReason,
                             List<TelemetrySample> samples, long coalesced) {
    public TelemetryBatch {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(time, "time");
        samples = List.copyOf(samples);
    }

    /** True when this batch replaces all state; its reason is then non-null. */
    public boolean snapshot() {
        return snapshotReason != null;
    }
}
