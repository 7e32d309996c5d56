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
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Verifies entries [from, to) read from a backend against a checkpoint the console verified: every entry with the
 * {@link ChainVerifier} (encoding, origin, region signature, chain links, order, unique query ids; parallel over all
 * cores), then the range against the checkpoint's root. A range from entry 0 is tied to it completely: its root
 * recomputed from the entries must be the checkpoint's (the whole log) or be proved consistent with it. A range that
 * starts later is tied by inclusion proofs of its first and last entries, and the chain links between them.
 */
final class RangeVerifier {
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
        if (from < 0 || to <= from || to > checkpoint.size() || to - from > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") is not within the checkpoint");
        }
        var report = new VerificationReport();
        var firstLeaf = new AtomicReference<Hash>();
        var lastLeaf = new AtomicReference<Hash>();
        var range = new BackendEntryRange(reader, from, (int) (to - from), cancelled);
        Hash root;
        try {
            root = new ChainVerifier(checkpoint.origin(), keys, true).verify(range, report, (index, leaf, r) -> {
                if (index == from) {
                    firstLeaf.set(leaf);
                }
                if (index == to - 1) {
                    lastLeaf.set(leaf);
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
            tieByInclusion(checkpoint, from, firstLeaf.get(), report);
            if (to - 1 != from) {
                tieByInclusion(checkpoint, to - 1, lastLeaf.get(), report);
            }
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

    private void tieByInclusion(Checkpoint checkpoint, long index, Hash leaf, VerificationReport report)
            throws BackendException {
        try {
            InclusionProofs.verify(index, checkpoint.size(), leaf, reader.inclusionProof(index, checkpoint.size()),
                    checkpoint.root());
        } catch (ProofException e) {
            report.add(TamperClass.INCLUSION_PROOF_INVALID, index, e.getMessage());
        }
    }
}
