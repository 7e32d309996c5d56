package io.meridian.model.drill;

import java.util.List;

/**
 * Where the drill's record sits in the audit log: its entries and a signed checkpoint covering them all, so an
 * auditor can verify it; {@code available} is false on a backend without an audit log.
 */
public record DrillAuditRecord(boolean available, String detail, List<Long> entryIndexes, long checkpointSize,
                               String checkpointNote) {
    public DrillAuditRecord {
        entryIndexes = List.copyOf(entryIndexes);
    }
}
