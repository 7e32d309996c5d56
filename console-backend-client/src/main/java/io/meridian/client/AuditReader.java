package io.meridian.client;

import io.meridian.audit.Hash;
import java.util.List;
import java.util.Optional;

/**
 * Reads a backend's audit log in the terms of docs/audit-format.md: signed checkpoint text, canonical entry bytes and
 * RFC 9162 proofs. Nothing read here is trusted; callers verify it against pinned keys.
 */
public interface AuditReader {
    /** The latest signed checkpoint, as the note text. */
    String latestCheckpoint() throws BackendException;

    /** Entries [start, end) in order. */
    List<byte[]> entries(long start, long end) throws BackendException;

    List<Hash> inclusionProof(long index, long treeSize) throws BackendException;

    List<Hash> consistencyProof(long fromSize, long toSize) throws BackendException;

    /**
     * The entry logged for {@code queryId} with its inclusion proof in the tree of {@code treeSize}; empty when the
     * backend says that tree holds no such query id.
     */
    Optional<QueryIdEntry> lookup(String queryId, long treeSize) throws BackendException;

    /** What the backend answers for a query id: the entry's index and bytes, and its inclusion proof. */
    record QueryIdEntry(long index, byte[] entry, long treeSize, List<Hash> proof) {
        public QueryIdEntry {
            proof = List.copyOf(proof);
        }
    }
}
