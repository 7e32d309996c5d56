package io.meridian.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic audit log for tests, golden vectors and the attack corpus: keys derived from names, entries from a
 * seeded generator, so every byte can be regenerated.
 */
final class TestLog {
    static final String ORIGIN = "meridian.example/audit/test";
    static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "ap-northeast-1");
    static final long BASE_TIME_MICROS = 1_795_000_000_000_000L;

    private TestLog() {
    }

    /** seed = SHA-256("meridian-test-key:" || name). */
    static Ed25519PrivateKey key(String name) {
        return Ed25519PrivateKey.fromSeed(TreeHasher.sha256(("meridian-test-key:" + name)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static String keyId(String region) {
        return region + "/2026-11";
    }

    static NoteSigner logSigner() {
        return NoteSigner.of(ORIGIN, key("checkpoint"));
    }

    static List<RegionKey> regionKeys() {
        return REGIONS.stream().map(r -> new RegionKey(r, keyId(r), key(keyId(r)).publicKey())).toList();
    }

    static TrustedKeys trusted() {
        return new TrustedKeys(List.of(logSigner().key()), regionKeys());
    }

    /** The entry of {@code sequence} in a log, with fields drawn from {@code random}. */
    static AuditEntry entry(String origin, long sequence, Hash previous, Random random) {
        String region = REGIONS.get(random.nextInt(REGIONS.size()));
        var action = AuditAction.values()[random.nextInt(AuditAction.values().length)];
        boolean person = action != AuditAction.QUERY_EXECUTED && random.nextBoolean();
        var outcome = Outcome.values()[random.nextInt(Outcome.values().length)];
        return new AuditEntry(origin, sequence, String.format("q-%08x-%04d", random.nextInt(), sequence),
                person ? "operator:alice@example.com" : "service:replicator@" + region, action,
                person ? TriggerKind.PERSON : TriggerKind.AUTOMATIC, person ? "alice@example.com" : "", region,
                BASE_TIME_MICROS + sequence * 1_250 + random.nextInt(1_000), outcome,
                outcome == Outcome.SUCCEEDED ? "" : "détail: " + outcome.name().toLowerCase(), previous,
                keyId(region));
    }

    /** {@code count} chained, signed entries of {@code origin}. */
    static List<SignedEntry> entries(String origin, int count, long seed) {
        var random = new Random(seed);
        var entries = new ArrayList<SignedEntry>(count);
        Hash previous = Hash.ZERO;
        for (int i = 0; i < count; i++) {
            var entry = entry(origin, i, previous, random);
            entries.add(sign(entry));
            previous = entries.getLast().leafHash();
        }
        return entries;
    }

    static SignedEntry sign(AuditEntry entry) {
        try {
            return EntryCodec.sign(entry, key(entry.signerKeyId()));
        } catch (AuditFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static MerkleTree tree(List<SignedEntry> entries) {
        var tree = new MerkleTree();
        entries.forEach(e -> tree.append(e.leafHash()));
        return tree;
    }

    static String checkpoint(String origin, long size, Hash root, NoteSigner... signers) {
        return SignedNote.sign(new Checkpoint(origin, size, root).format(), List.of(signers)).format();
    }

    static String checkpoint(MerkleTree tree, long size) {
        return checkpoint(ORIGIN, size, tree.root(size), logSigner());
    }

    static List<byte[]> bytes(List<SignedEntry> entries) {
        return entries.stream().map(SignedEntry::bytes).toList();
    }

    /** The whole log, proved against one checkpoint of its full size. */
    static EvidenceBundle complete(List<SignedEntry> entries) {
        var tree = tree(entries);
        return new EvidenceBundle(ORIGIN, List.of(checkpoint(tree, tree.size())), List.of(), 0, true, bytes(entries),
                Map.of(), List.of(logSigner().key()), regionKeys());
    }

    /**
     * Entries [from, to) of the log with inclusion proofs, against checkpoints of the given sizes (the last is the
     * full log) with consistency proofs between them.
     */
    static EvidenceBundle range(List<SignedEntry> entries, int from, int to, long... checkpointSizes) {
        var tree = tree(entries);
        var checkpoints = new ArrayList<String>();
        var consistency = new ArrayList<ConsistencyProof>();
        long previous = 0;
        for (long size : checkpointSizes) {
            checkpoints.add(checkpoint(tree, size));
            if (previous > 0 && previous < size) {
                consistency.add(new ConsistencyProof(previous, size, tree.consistencyProof(previous, size)));
            }
            previous = size;
        }
        long current = checkpointSizes[checkpointSizes.length - 1];
        var proofs = new java.util.TreeMap<Long, List<Hash>>();
        for (long i = from; i < to; i++) {
            proofs.put(i, tree.inclusionProof(i, current));
        }
        return new EvidenceBundle(ORIGIN, checkpoints, consistency, from, false,
                bytes(entries.subList(from, to)), proofs, List.of(logSigner().key()), regionKeys());
    }
}
