package io.meridian.server.audit;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where audited actions come from: a platform's executed queries, and later the failover workflow and drills. The
 * backend hands each batch to its {@link AuditLog}. Kept apart from the Platform interface so that a platform that
 * executes no queries of its own need not pretend to.
 */
public interface AuditSource extends AutoCloseable {
    /** Starts reporting; each batch goes to {@code sink} in order, from one thread at a time. */
    void start(Consumer<List<EntryDraft>> sink);

    /** Stops reporting. */
    @Override
    void close();
}
