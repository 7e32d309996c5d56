package io.meridian.client;

import io.meridian.audit.Hash;
import java.util.List;

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
}
