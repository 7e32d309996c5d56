package io.meridian.model.topology;

import java.util.Objects;

/** Where a watcher stands in a server's journal: resuming from here yields exactly the events after it. */
public record JournalPosition(String journalId, long sequence) {
    public static final JournalPosition START = new JournalPosition("", 0);

    public JournalPosition {
        Objects.requireNonNull(journalId, "journalId");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
    }
}
