package io.meridian.console.audit;

import io.meridian.audit.AuditEntry;
import io.meridian.audit.AuditFormatException;
import io.meridian.audit.ChainVerifier;
import io.meridian.audit.Checkpoint;
import io.meridian.audit.EntryCodec;
import io.meridian.audit.EntryRange;
import io.meridian.audit.Finding;
import io.meridian.audit.Hash;
import io.meridian.audit.InclusionProofs;
import io.meridian.audit.ProofException;
import io.meridian.audit.TamperClass;
import io.meridian.audit.TreeHasher;
import io.meridian.audit.TrustedKeys;
import io.meridian.audit.VerificationReport;
import io.meridian.client.AuditReader;
import io.meridian.client.BackendException;
import java.util.List;
import java.util.Optional;

/**
 * Looks a query id up in the backend's log and checks the answer: the entry on its own (encoding, origin, region
 * signature by a pinned key, the query id asked for) and its inclusion proof against a checkpoint the console
 * verified, so a yes from the backend means the entry is in the log everyone else sees.
 */
final class QueryLookup {
    /**
     * The backend's answer and what the check found.
     *
     * @param entry    the decoded entry, or null when it does not decode
     * @param findings empty when the entry and its proof verified
     */
    record Result(String queryId, long index, AuditEntry entry, Hash leafHash, List<Hash> proof, Checkpoint against,
            List<Finding> findings) {
        boolean verified() {
            return findings.isEmpty();
        }
    }

    private final AuditReader reader;
    private final TrustedKeys keys;

    QueryLookup(AuditReader reader, TrustedKeys keys) {
        this.reader = reader;
        this.keys = keys;
    }

    /** Empty when the backend says the tree of {@code checkpoint} holds no entry with {@code queryId}. */
    Optional<Result> lookUp(String queryId, Checkpoint checkpoint) throws BackendException {
        if (checkpoint.size() == 0) {
            // Tree size 0 asks the backend for its latest tree, not the empty one this checkpoint is.
            return Optional.empty();
        }
        var answer = reader.lookup(queryId, checkpoint.size());
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        var found = answer.get();
        var report = new VerificationReport();
        var leaf = TreeHasher.leaf(found.entry());
        new ChainVerifier(checkpoint.origin(), keys, false).verify(EntryRange.of(found.index(),
                List.of(found.entry())), report, (index, leafHash, r) -> { });
        if (found.treeSize() != checkpoint.size()) {
            report.add(TamperClass.INCLUSION_PROOF_INVALID, found.index(), "the backend proved inclusion in the "
                    + "tree of size " + found.treeSize() + ", not in the verified checkpoint's " + checkpoint.size());
        } else {
            try {
                InclusionProofs.verify(found.index(), checkpoint.size(), leaf, found.proof(), checkpoint.root());
            } catch (ProofException e) {
                report.add(TamperClass.INCLUSION_PROOF_INVALID, found.index(), e.getMessage());
            }
        }
        AuditEntry entry = null;
        try {
            entry = EntryCodec.decode(found.entry()).entry();
            if (!entry.queryId().equals(queryId)) {
                report.add(TamperClass.MALFORMED_INPUT, found.index(), "the backend answered with the entry of "
                        + "query id '" + entry.queryId() + "', not '" + queryId + "'");
            }
        } catch (AuditFormatException e) {
            // The chain verifier has reported it as ENTRY_MALFORMED.
        }
        return Optional.of(new Result(queryId, found.index(), entry, leaf, found.proof(), checkpoint,
                report.findings()));
    }
}
