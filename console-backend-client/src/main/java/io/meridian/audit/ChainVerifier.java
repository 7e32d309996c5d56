package io.meridian.audit;

import java.util.stream.IntStream;

/**
 * Verifies a range of entries: each entry's encoding, origin and region signature, and the chain they form (order,
 * previous-entry hashes, unique query ids); it also streams their leaf hashes into a root. Signatures and hashes, the
 * expensive part, run in parallel over all cores in batches; the order checks run after each batch on one thread.
 * Memory stays bounded by the batch size plus a few bytes per entry for the query id index.
 */
public final class ChainVerifier {
    /** Entries per parallel batch: large enough to keep every core busy, small enough to stay in cache. */
    static final int BATCH = 4096;

    /** A check on each leaf, run in parallel with the signatures: e.g. its inclusion proof. */
    @FunctionalInterface
    public interface LeafCheck {
        void check(long index, Hash leafHash, VerificationReport report);
    }

    private final String origin;
    private final TrustedKeys keys;
    private final boolean parallel;

    /**
     * @param origin   the log every entry must belong to
     * @param parallel false verifies on the calling thread only (for callers that parallelise themselves)
     */
    public ChainVerifier(String origin, TrustedKeys keys, boolean parallel) {
        this.origin = origin;
        this.keys = keys;
        this.parallel = parallel;
    }

    /**
     * Verifies {@code range}, adding every failure to {@code report}.
     *
     * @return the root of the range's leaves, meaningful as the log's root when the range starts at index 0
     */
    public Hash verify(EntryRange range, VerificationReport report, LeafCheck leafCheck) {
        int count = range.count();
        var sequences = new SequenceChecker(range.first(), count, report);
        var queryIds = new QueryIdIndex(count, position -> decodeAgain(range.entry(position)).queryId());
        var root = new RootAccumulator();
        Hash previousLeaf = null;
        var leaves = new Hash[Math.min(BATCH, count)];
        var entries = new AuditEntry[leaves.length];
        var fingerprints = new long[leaves.length];
        for (int start = 0; start < count; start += BATCH) {
            int batchStart = start;
            int n = Math.min(BATCH, count - start);
            var positions = IntStream.range(0, n);
            (parallel ? positions.parallel() : positions).forEach(j -> {
                int position = batchStart + j;
                long index = range.first() + position;
                byte[] bytes = range.entry(position);
                leaves[j] = TreeHasher.leaf(bytes);
                entries[j] = checkEntry(index, bytes, report);
                if (entries[j] != null) {
                    fingerprints[j] = QueryIdIndex.fingerprint(entries[j].queryId());
                }
                leafCheck.check(index, leaves[j], report);
            });
            for (int j = 0; j < n; j++) {
                int position = batchStart + j;
                long index = range.first() + position;
                var entry = entries[j];
                if (entry == null) {
                    sequences.acceptMalformed(index);
                } else {
                    sequences.accept(index, entry.sequence());
                    checkLink(index, entry, previousLeaf, report);
                    int earlier = queryIds.add(entry.queryId(), fingerprints[j], position);
                    if (earlier >= 0) {
                        report.add(TamperClass.DUPLICATE_QUERY_ID, index, "query id '" + entry.queryId()
                                + "' is also on entry " + (range.first() + earlier));
                    }
                }
                previousLeaf = leaves[j];
                root.append(leaves[j]);
            }
        }
        sequences.finish();
        report.entriesChecked(count);
        return root.root();
    }

    private static void checkLink(long index, AuditEntry entry, Hash previousLeaf, VerificationReport report) {
        if (previousLeaf != null) {
            if (!entry.previousHash().equals(previousLeaf)) {
                report.add(TamperClass.CHAIN_BROKEN, index, "previous entry hash " + entry.previousHash()
                        + " is not the leaf hash of the entry before it, " + previousLeaf);
            }
        } else if (entry.sequence() == 0 && !entry.previousHash().equals(Hash.ZERO)) {
            report.add(TamperClass.CHAIN_BROKEN, index, "the first entry's previous hash is not zero");
        }
    }

    /** Decodes and checks one entry on its own; returns it, or null when it does not decode. */
    private AuditEntry checkEntry(long index, byte[] bytes, VerificationReport report) {
        SignedEntry signed;
        try {
            signed = EntryCodec.decode(bytes);
        } catch (AuditFormatException e) {
            report.add(TamperClass.ENTRY_MALFORMED, index, e.getMessage());
            return null;
        }
        var entry = signed.entry();
        if (!entry.origin().equals(origin)) {
            report.add(TamperClass.ENTRY_FOREIGN_ORIGIN, index, "entry of log '" + entry.origin()
                    + "' in log '" + origin + "'");
        }
        var key = keys.regionKey(entry.signerKeyId());
        if (key == null) {
            report.add(TamperClass.ENTRY_UNKNOWN_KEY, index, "signer key id '" + entry.signerKeyId()
                    + "' is not trusted");
            return entry;
        }
        if (!key.region().equals(entry.region())) {
            report.add(TamperClass.ENTRY_WRONG_REGION_KEY, index, "entry of region " + entry.region()
                    + " is signed by " + key.keyId() + ", a key of region " + key.region());
        }
        if (!signed.signatureVerifies(key.publicKey())) {
            report.add(TamperClass.ENTRY_SIGNATURE_INVALID, index, "signature by " + key.keyId()
                    + " does not verify over the entry (query id '" + entry.queryId() + "')");
        }
        return entry;
    }

    private static AuditEntry decodeAgain(byte[] bytes) {
        try {
            return EntryCodec.decode(bytes).entry();
        } catch (AuditFormatException e) {
            throw new IllegalStateException("an entry that decoded before no longer decodes", e);
        }
    }
}
