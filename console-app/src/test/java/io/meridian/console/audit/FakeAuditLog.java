package io.meridian.console.audit;

import io.meridian.audit.AuditAction;
import io.meridian.audit.AuditEntry;
import io.meridian.audit.AuditFormatException;
import io.meridian.audit.Checkpoint;
import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.audit.EntryCodec;
import io.meridian.audit.Hash;
import io.meridian.audit.MerkleTree;
import io.meridian.audit.NoteSigner;
import io.meridian.audit.Outcome;
import io.meridian.audit.RegionKey;
import io.meridian.audit.SignedNote;
import io.meridian.audit.TreeHasher;
import io.meridian.audit.TriggerKind;
import io.meridian.audit.TrustedKeys;
import io.meridian.client.AuditReader;
import io.meridian.client.BackendException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A backend's audit log in memory, honest until a test makes it lie: it can serve another checkpoint, a tampered
 * entry or a bad proof, or stop answering. Keys derive from names, so every run signs the same bytes.
 */
final class FakeAuditLog implements AuditReader {
    static final String ORIGIN = "meridian.example/audit/console-test";
    static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");

    private final List<byte[]> entries = new ArrayList<>();
    private final Map<String, Integer> queryIds = new HashMap<>();
    private MerkleTree tree = new MerkleTree();
    private final Map<Integer, byte[]> tampered = new HashMap<>();
    volatile long published;
    volatile String servedNote;
    volatile boolean down;
    volatile boolean badProofs;

    FakeAuditLog(int count) {
        append(count);
    }

    static Ed25519PrivateKey key(String name) {
        return Ed25519PrivateKey.fromSeed(TreeHasher.sha256(("console-test-key:" + name)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static NoteSigner signer() {
        return NoteSigner.of(ORIGIN, key("checkpoint"));
    }

    static TrustedKeys trusted() {
        return new TrustedKeys(List.of(signer().key()), REGIONS.stream()
                .map(r -> new RegionKey(r, r + "/test", key(r).publicKey())).toList());
    }

    static String queryId(int index) {
        return "q-test-" + index;
    }

    /** Appends {@code count} entries and publishes a checkpoint of the new size. */
    synchronized void append(int count) {
        for (int i = 0; i < count; i++) {
            int index = entries.size();
            String region = REGIONS.get(index % REGIONS.size());
            var previous = index == 0 ? Hash.ZERO : tree.leafHash(index - 1);
            var entry = new AuditEntry(ORIGIN, index, queryId(index), "service:olap-router@" + region,
                    AuditAction.QUERY_EXECUTED, TriggerKind.AUTOMATIC, "", region,
                    1_795_000_000_000_000L + index * 1_000L, Outcome.SUCCEEDED, "olap rows=" + index, previous,
                    region + "/test");
            try {
                var signed = EntryCodec.sign(entry, key(region));
                entries.add(signed.bytes());
                tree.append(signed.leafHash());
                queryIds.put(entry.queryId(), index);
            } catch (AuditFormatException e) {
                throw new IllegalStateException(e);
            }
        }
        published = tree.size();
    }

    /** A checkpoint of {@code size} with {@code root}, signed by the trusted checkpoint key. */
    static String note(long size, Hash root) {
        return SignedNote.sign(new Checkpoint(ORIGIN, size, root).format(), List.of(signer())).format();
    }

    synchronized String honestNote(long size) {
        return note(size, tree.root(size));
    }

    /**
     * Rebuilds the tree with another leaf at {@code index}: the entries served still verify and chain, but the
     * checkpoints (signed over the new tree) no longer commit to entry {@code index}.
     */
    synchronized void replaceTreeLeaf(int index) {
        var rebuilt = new MerkleTree();
        for (int i = 0; i < tree.size(); i++) {
            rebuilt.append(i == index ? TreeHasher.leaf(new byte[] {9}) : tree.leafHash(i));
        }
        tree = rebuilt;
    }

    /** Serves entry {@code index} with one byte of its signature flipped. */
    synchronized void tamper(int index) {
        var bytes = entries.get(index).clone();
        bytes[bytes.length - 1] ^= 1;
        tampered.put(index, bytes);
    }

    @Override
    public synchronized String latestCheckpoint() throws BackendException {
        answer();
        return servedNote != null ? servedNote : honestNote(published);
    }

    @Override
    public synchronized List<byte[]> entries(long start, long end) throws BackendException {
        answer();
        var page = new ArrayList<byte[]>();
        for (long i = start; i < end; i++) {
            page.add(tampered.getOrDefault((int) i, entries.get((int) i)));
        }
        return page;
    }

    @Override
    public synchronized List<Hash> inclusionProof(long index, long treeSize) throws BackendException {
        answer();
        return maybeBad(tree.inclusionProof(index, treeSize));
    }

    @Override
    public synchronized List<Hash> consistencyProof(long fromSize, long toSize) throws BackendException {
        answer();
        return maybeBad(tree.consistencyProof(fromSize, toSize));
    }

    @Override
    public synchronized Optional<QueryIdEntry> lookup(String queryId, long treeSize) throws BackendException {
        answer();
        var index = queryIds.get(queryId);
        if (index == null || index >= treeSize) {
            return Optional.empty();
        }
        return Optional.of(new QueryIdEntry(index, tampered.getOrDefault(index, entries.get(index)), treeSize,
                maybeBad(tree.inclusionProof(index, treeSize))));
    }

    private List<Hash> maybeBad(List<Hash> proof) {
        if (!badProofs || proof.isEmpty()) {
            return proof;
        }
        var bad = new ArrayList<>(proof);
        bad.set(0, TreeHasher.leaf(new byte[] {42}));
        return bad;
    }

    private void answer() throws BackendException {
        if (down) {
            throw new BackendException(BackendException.Kind.UNREACHABLE, "backend 127.0.0.1:1 is unreachable "
                    + "(Connection refused)", null);
        }
    }
}
