package io.meridian.server.audit;

import io.meridian.audit.AuditEntry;
import io.meridian.audit.AuditFormatException;
import io.meridian.audit.Checkpoint;
import io.meridian.audit.EntryCodec;
import io.meridian.audit.Hash;
import io.meridian.audit.MerkleTree;
import io.meridian.audit.NoteSigner;
import io.meridian.audit.QueryIdIndex;
import io.meridian.audit.SignedEntry;
import io.meridian.audit.SignedNote;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The backend's tamper-evident audit log: turns drafts into signed, chained entries (docs/audit-format.md), stores
 * them durably before acknowledging, keeps the Merkle tree and a query id index, and signs checkpoints. On open it
 * rebuilds tree and index from the store, so a restart continues the same chain. Appends are serialised; reads and
 * proofs of sizes already published may run alongside.
 */
public final class AuditLog implements AutoCloseable {
    /** Segments of 64 MiB: about 240,000 entries each. */
    public static final long SEGMENT_BYTES = 64L << 20;

    private final String origin;
    private final SegmentStore store;
    private final NoteSigner checkpointSigner;
    private final Map<String, RegionSigner> regionSigners;
    private final MerkleTree tree = new MerkleTree();
    private final QueryIdIndex queryIds;
    private Hash lastLeaf = Hash.ZERO;
    private volatile SignedNote checkpoint;
    private volatile Checkpoint checkpointBody;

    private AuditLog(String origin, SegmentStore store, NoteSigner checkpointSigner, List<RegionSigner> signers) {
        this.origin = origin;
        this.store = store;
        this.checkpointSigner = checkpointSigner;
        this.regionSigners = signers.stream().collect(Collectors.toUnmodifiableMap(RegionSigner::region,
                Function.identity()));
        this.queryIds = new QueryIdIndex(1 << 16, position -> queryIdAt(position));
    }

    /**
     * Opens the log stored in {@code directory}, checking every stored entry as it rebuilds the tree.
     *
     * @throws IOException when the store is damaged or holds an entry that is not part of this log's chain
     */
    public static AuditLog open(Path directory, String origin, NoteSigner checkpointSigner, List<RegionSigner> signers)
            throws IOException {
        var store = SegmentStore.open(directory, SEGMENT_BYTES);
        var log = new AuditLog(origin, store, checkpointSigner, signers);
        try {
            for (long i = 0; i < store.size(); i++) {
                log.index(i, decode(store.read(i), directory, i));
            }
            log.publishCheckpoint();
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        return log;
    }

    private static SignedEntry decode(byte[] bytes, Path directory, long index) throws IOException {
        try {
            return EntryCodec.decode(bytes);
        } catch (AuditFormatException e) {
            throw new StoreCorruptedException(directory, -1, "entry " + index + " does not decode: " + e.getMessage());
        }
    }

    private void index(long index, SignedEntry signed) throws IOException {
        var entry = signed.entry();
        if (entry.sequence() != index || !entry.previousHash().equals(lastLeaf) || !entry.origin().equals(origin)) {
            throw new IOException("stored entry " + index + " does not continue the chain of log " + origin);
        }
        queryIds.add(entry.queryId(), QueryIdIndex.fingerprint(entry.queryId()), Math.toIntExact(index));
        lastLeaf = signed.leafHash();
        tree.append(lastLeaf);
    }

    public String origin() {
        return origin;
    }

    /**
     * Signs, stores (forced to disk) and indexes the drafts as the next entries, in order.
     *
     * @return the index of the first
     * @throws IllegalArgumentException when a draft has no region signer, a query id already logged, or breaks the
     *                                  format; nothing of the batch is appended then
     */
    public synchronized long append(List<EntryDraft> drafts) throws IOException {
        long first = tree.size();
        var signed = new ArrayList<SignedEntry>(drafts.size());
        var ids = new java.util.HashSet<String>();
        Hash previous = lastLeaf;
        for (int i = 0; i < drafts.size(); i++) {
            var d = drafts.get(i);
            var signer = regionSigners.get(d.region());
            if (signer == null) {
                throw new IllegalArgumentException("no signer for region " + d.region());
            }
            if (!ids.add(d.queryId()) || lookup(d.queryId()).isPresent()) {
                throw new IllegalArgumentException("query id " + d.queryId() + " is already in the log");
            }
            var entry = new AuditEntry(origin, first + i, d.queryId(), d.actor(), d.action(), d.trigger(),
                    d.triggeredBy(), d.region(), d.timeMicros(), d.outcome(), d.outcomeDetail(), previous,
                    signer.keyId());
            try {
                signed.add(EntryCodec.sign(entry, signer.key()));
            } catch (AuditFormatException e) {
                throw new IllegalArgumentException("draft " + i + " (query id " + d.queryId() + "): "
                        + e.getMessage(), e);
            }
            previous = signed.getLast().leafHash();
        }
        store.append(signed.stream().map(SignedEntry::bytes).toList());
        for (int i = 0; i < signed.size(); i++) {
            index(first + i, signed.get(i));
        }
        return first;
    }

    /** Signs a checkpoint of the current tree when it grew since the last one; returns the latest. */
    public synchronized SignedNote publishCheckpoint() {
        long size = tree.size();
        if (checkpoint == null || checkpointBody.size() != size) {
            var body = new Checkpoint(origin, size, tree.root(size));
            checkpoint = SignedNote.sign(body.format(), List.of(checkpointSigner));
            checkpointBody = body;
        }
        return checkpoint;
    }

    /** The latest signed checkpoint (at most one checkpoint interval old). */
    public SignedNote latestCheckpoint() {
        return checkpoint;
    }

    public Checkpoint latestCheckpointBody() {
        return checkpointBody;
    }

    /** Number of entries appended. */
    public synchronized long size() {
        return tree.size();
    }

    public byte[] entry(long index) throws IOException {
        return store.read(index);
    }

    /** The index of the entry with {@code queryId}. */
    public synchronized OptionalLong lookup(String queryId) {
        int position = queryIds.find(queryId, QueryIdIndex.fingerprint(queryId));
        return position < 0 ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** RFC 9162 inclusion proof of entry {@code index} in the tree of {@code size}. */
    public synchronized List<Hash> inclusionProof(long index, long size) {
        return tree.inclusionProof(index, size);
    }

    /** RFC 9162 consistency proof from {@code first} to {@code second}. */
    public synchronized List<Hash> consistencyProof(long first, long second) {
        return tree.consistencyProof(first, second);
    }

    private String queryIdAt(int position) {
        try {
            return EntryCodec.decode(store.read(position)).entry().queryId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AuditFormatException e) {
            throw new IllegalStateException("stored entry " + position + " no longer decodes", e);
        }
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
