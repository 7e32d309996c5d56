package io.meridian.console.audit;

import io.meridian.audit.ChainVerifier;
import io.meridian.audit.Checkpoint;
import io.meridian.audit.ConsistencyProofs;
import io.meridian.audit.Finding;
import io.meridian.audit.Hash;
import io.meridian.audit.InclusionProofs;
import io.meridian.audit.ProofException;
import io.meridian.audit.TamperClass;
import io.meridian.audit.TrustedKeys;
import io.meridian.audit.VerificationReport;
import io.meridian.client.AuditReader;
import io.meridian.client.BackendException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Verifies entries [from, to) read from a backend against a checkpoint the console verified: every entry with the
 * {@link ChainVerifier} (encoding, origin, region signature, chain links, order, unique query ids; parallel over all
 * cores), then the range against the checkpoint's root. A range from entry 0: its root recomputed from the entries
 * must be the checkpoint's (the whole log) or be proved consistent with it. A range that starts later: its first and
 * last entries must have inclusion proofs, and the root computed from all its leaves and the subtrees beside it that
 * those proofs name ({@link RangeRoot}) must be the checkpoint's; its leaf hashes are kept for that, 32 bytes each.
 */
final class RangeVerifier {
    /** The most entries of a range that does not start at entry 0: 32 MB of leaf hashes. */
    static final int MAX_INNER_RANGE = 1_000_000;

    private final AuditReader reader;
    private final TrustedKeys keys;

    RangeVerifier(AuditReader reader, TrustedKeys keys) {
        this.reader = reader;
        this.keys = keys;
    }

    /**
     * @param done      counts the entries verified so far, for progress
     * @param cancelled polled between entries
     * @throws CancellationException when {@code cancelled} said so
     */
    VerificationReport verify(Checkpoint checkpoint, long from, long to, AtomicLong done, BooleanSupplier cancelled)
            throws BackendException {
        if (from < 0 || to <= from || to > checkpoint.size() || to - from > Integer.MAX_VALUE
                || (from > 0 && to - from > MAX_INNER_RANGE)) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is not within the checkpoint");
        }
        var report = new VerificationReport();
        byte[] leaves = from == 0 ? null : new byte[Math.toIntExact((to - from) * Hash.SIZE)];
        var range = new BackendEntryRange(reader, from, (int) (to - from), cancelled);
        Hash root;
        try {
            root = new ChainVerifier(checkpoint.origin(), keys, true).verify(range, report, (index, leaf, r) -> {
                if (leaves != null) {
                    leaf.copyTo(leaves, Math.toIntExact((index - from) * Hash.SIZE));
                }
                done.incrementAndGet();
            });
        } catch (RuntimeException e) {
            // Parallel streams may rethrow a copy of the exception with the original as its cause.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BackendEntryRange.Failed failed) {
                    throw failed.backendException();
                }
                if (t instanceof CancellationException stopped) {
                    throw stopped;
                }
            }
            throw e;
        }
        if (from == 0) {
            tieByRoot(checkpoint, to, root, report);
        } else {
            tieByRange(checkpoint, from, to, leaves, report);
        }
        return report;
    }

    private void tieByRoot(Checkpoint checkpoint, long to, Hash root, VerificationReport report)
            throws BackendException {
        if (to == checkpoint.size()) {
            if (!root.equals(checkpoint.root())) {
                report.add(TamperClass.ROOT_MISMATCH, Finding.NO_ENTRY, "the root of entries 0 to " + (to - 1)
                        + " is " + root + ", the checkpoint's " + checkpoint.root());
            }
            return;
        }
        try {
            ConsistencyProofs.verify(to, checkpoint.size(), root, checkpoint.root(),
                    reader.consistencyProof(to, checkpoint.size()));
        } catch (ProofException e) {
            report.add(TamperClass.CONSISTENCY_PROOF_INVALID, Finding.NO_ENTRY, "the root of entries 0 to "
                    + (to - 1) + " is not proved consistent with the checkpoint of size " + checkpoint.size() + ": "
                    + e.getMessage());
        }
    }

    private void tieByRange(Checkpoint checkpoint, long from, long to, byte[] leaves, VerificationReport report)
            throws BackendException {
        long size = checkpoint.size();
        var firstProof = reader.inclusionProof(from, size);
        var lastProof = reader.inclusionProof(to - 1, size);
        boolean proved = included(checkpoint, from, RangeRoot.leaf(leaves, 0), firstProof, report);
        proved &= included(checkpoint, to - 1, RangeRoot.leaf(leaves, to - 1 - from), lastProof, report);
        if (!proved) {
            return;
        }
        var root = RangeRoot.compute(size, from, to, leaves, firstProof, lastProof);
        if (!root.equals(checkpoint.root())) {
            report.add(TamperClass.ROOT_MISMATCH, Finding.NO_ENTRY, "entries " + from + " to " + (to - 1) + ", with "
                    + "the subtrees beside them that the inclusion proofs of the first and last name, lead to root "
                    + root + ", not the checkpoint's " + checkpoint.root() + ": the entries between are not the log's");
        }
    }

    private static boolean included(Checkpoint checkpoint, long index, Hash leaf, List<Hash> proof,
            VerificationReport report) {
        try {
            InclusionProofs.verify(index, checkpoint.size(), leaf, proof, checkpoint.root());
            return true;
        } catch (ProofException e) {
            report.add(TamperClass.INCLUSION_PROOF_INVALID, index, e.getMessage());
            return false;
        }
    }
}
