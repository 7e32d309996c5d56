package io.meridian.console.audit;

import io.meridian.audit.EntryRange;
import io.meridian.client.AuditReader;
import io.meridian.client.BackendException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * Entries [first, first + count) read from a backend a page at a time, so that a verifier walks millions of entries
 * with two pages in memory: the one being verified and the next, fetched meanwhile on a virtual thread. A position
 * behind the current page (the verifier re-reads one when two query ids share a fingerprint) is fetched alone.
 * A backend failure surfaces as {@link Failed}; cancelling as {@link CancellationException}.
 */
final class BackendEntryRange implements EntryRange {
    /** Two of the verifier's parallel batches per page: the backend streams at most 10,000 entries per call. */
    static final int PAGE = 8192;

    /** A backend failure while the verifier reads, unchecked because {@link EntryRange#entry} declares none. */
    static final class Failed extends RuntimeException {
        Failed(BackendException cause) {
            super(cause.getMessage(), cause);
        }

        BackendException backendException() {
            return (BackendException) getCause();
        }
    }

    private final AuditReader reader;
    private final long first;
    private final int count;
    private final BooleanSupplier cancelled;
    private int pageStart = -1;
    private List<byte[]> page = List.of();
    private int nextStart = -1;
    private CompletableFuture<List<byte[]>> next;

    BackendEntryRange(AuditReader reader, long first, int count, BooleanSupplier cancelled) {
        this.reader = reader;
        this.first = first;
        this.count = count;
        this.cancelled = cancelled;
    }

    @Override
    public long first() {
        return first;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public synchronized byte[] entry(int position) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("verification cancelled");
        }
        if (position >= pageStart && position < pageStart + page.size()) {
            return page.get(position - pageStart);
        }
        if (position < pageStart) {
            return fetch(position, position + 1).getFirst();
        }
        int start = position - position % PAGE;
        page = start == nextStart ? await(next) : fetch(start, end(start));
        pageStart = start;
        int prefetch = start + PAGE;
        nextStart = prefetch;
        next = prefetch < count ? CompletableFuture.supplyAsync(() -> fetch(prefetch, end(prefetch)),
                command -> Thread.ofVirtual().name("audit-prefetch").start(command)) : null;
        return page.get(position - pageStart);
    }

    private int end(int start) {
        return Math.min(count, start + PAGE);
    }

    private List<byte[]> fetch(int from, int to) {
        try {
            var entries = reader.entries(first + from, first + to);
            if (entries.size() != to - from) {
                throw new BackendException(BackendException.Kind.FAILED, "the backend sent " + entries.size()
                        + " entries for the " + (to - from) + " from " + (first + from) + " asked for", null);
            }
            return entries;
        } catch (BackendException e) {
            throw new Failed(e);
        }
    }

    private static List<byte[]> await(CompletableFuture<List<byte[]>> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
