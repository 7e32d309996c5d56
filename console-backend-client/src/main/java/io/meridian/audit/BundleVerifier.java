package io.meridian.audit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies an evidence bundle against the auditor's trusted keys and lists every failure by class and entry index.
 * Order of work: each checkpoint's signatures before its body; the checkpoints against each other (rollback, fork,
 * consistency); then the entries (see {@link ChainVerifier}) against the current checkpoint, by recomputing the root
 * of a complete log or by each entry's inclusion proof.
 */
public final class BundleVerifier {
    private final TrustedKeys keys;

    public BundleVerifier(TrustedKeys keys) {
        this.keys = keys;
    }

    /** A checkpoint whose signature verified, with its position among the bundle's checkpoints. */
    private record Verified(int position, Checkpoint checkpoint) {
    }

    /**
     * Reads and verifies a bundle file. A file that is not a bundle (too large, not JSON, breaking the format) gives a
     * report with one {@link TamperClass#MALFORMED_INPUT} finding.
     *
     * @throws IOException when the file cannot be read at all
     */
    public VerificationReport verify(Path file) throws IOException {
        long size = Files.size(file);
        if (size > BundleCodec.MAX_BUNDLE_BYTES) {
            var report = new VerificationReport();
            report.add(TamperClass.MALFORMED_INPUT, Finding.NO_ENTRY, file + " is " + size + " bytes, more than the "
                    + BundleCodec.MAX_BUNDLE_BYTES + " a bundle may have");
            return report;
        }
        EvidenceBundle bundle;
        try (var in = new BufferedInputStream(Files.newInputStream(file))) {
            bundle = BundleCodec.read(in);
        } catch (AuditFormatException e) {
            var report = new VerificationReport();
            report.add(TamperClass.MALFORMED_INPUT, Finding.NO_ENTRY, e.getMessage());
            return report;
        }
        return verify(bundle);
    }

    public VerificationReport verify(EvidenceBundle bundle) {
        var report = new VerificationReport();
        var verified = checkpoints(bundle, report);
        checkHistory(bundle, verified, report);
        Checkpoint current = null;
        if (!verified.isEmpty() && verified.getLast().position() == bundle.checkpoints().size() - 1) {
            current = verified.getLast().checkpoint();
        }
        report.describe(bundle.origin(), current);
        checkEntries(bundle, current, report);
        return report;
    }

    private List<Verified> checkpoints(EvidenceBundle bundle, VerificationReport report) {
        var verified = new ArrayList<Verified>();
        for (int i = 0; i < bundle.checkpoints().size(); i++) {
            String where = "checkpoint " + (i + 1) + " of " + bundle.checkpoints().size();
            SignedNote note;
            try {
                note = SignedNote.parse(bundle.checkpoints().get(i));
            } catch (AuditFormatException e) {
                report.add(TamperClass.CHECKPOINT_MALFORMED, Finding.NO_ENTRY, where + ": " + e.getMessage());
                continue;
            }
            try {
                note.verify(keys.checkpointKeys());
            } catch (NoteVerificationException e) {
                report.add(e.tamperClass(), Finding.NO_ENTRY, where + ": " + e.getMessage());
                continue;
            }
            Checkpoint checkpoint;
            try {
                checkpoint = Checkpoint.parse(note.text());
            } catch (AuditFormatException e) {
                report.add(TamperClass.CHECKPOINT_MALFORMED, Finding.NO_ENTRY, where + ": " + e.getMessage());
                continue;
            }
            if (!checkpoint.origin().equals(bundle.origin())) {
                report.add(TamperClass.CHECKPOINT_WRONG_ORIGIN, Finding.NO_ENTRY, where + " is of log '"
                        + checkpoint.origin() + "', the bundle of '" + bundle.origin() + "'");
                continue;
            }
            report.checkpointVerified();
            verified.add(new Verified(i, checkpoint));
        }
        return verified;
    }

    /** Rollbacks, forks and consistency between the verified checkpoints, in the order they were observed. */
    private static void checkHistory(EvidenceBundle bundle, List<Verified> verified, VerificationReport report) {
        var bySize = new HashMap<Long, Verified>();
        for (var v : verified) {
            var earlier = bySize.putIfAbsent(v.checkpoint().size(), v);
            if (earlier != null && !earlier.checkpoint().root().equals(v.checkpoint().root())) {
                report.add(TamperClass.FORK, Finding.NO_ENTRY, "checkpoints " + (earlier.position() + 1) + " and "
                        + (v.position() + 1) + " both have size " + v.checkpoint().size() + " but roots "
                        + earlier.checkpoint().root() + " and " + v.checkpoint().root());
            }
        }
        Map<List<Long>, ConsistencyProof> proofs = new HashMap<>();
        bundle.consistencyProofs().forEach(p -> proofs.put(List.of(p.fromSize(), p.toSize()), p));
        Verified largest = null;
        for (var v : verified) {
            if (largest != null) {
                var older = largest.checkpoint();
                var newer = v.checkpoint();
                if (newer.size() < older.size()) {
                    report.add(TamperClass.ROLLBACK, Finding.NO_ENTRY, "checkpoint " + (v.position() + 1)
                            + " has size " + newer.size() + ", smaller than " + older.size() + " of checkpoint "
                            + (largest.position() + 1) + " observed before it");
                    continue;
                }
                if (newer.size() > older.size() && older.size() > 0) {
                    checkConsistency(older, newer, proofs, report);
                }
            }
            if (largest == null || v.checkpoint().size() >= largest.checkpoint().size()) {
                largest = v;
            }
        }
    }

    private static void checkConsistency(Checkpoint older, Checkpoint newer, Map<List<Long>, ConsistencyProof> proofs,
            VerificationReport report) {
        var proof = proofs.get(List.of(older.size(), newer.size()));
        if (proof == null) {
            report.add(TamperClass.CONSISTENCY_PROOF_MISSING, Finding.NO_ENTRY, "no consistency proof from size "
                    + older.size() + " to " + newer.size());
            return;
        }
        try {
            ConsistencyProofs.verify(older.size(), newer.size(), older.root(), newer.root(), proof.hashes());
        } catch (ProofException e) {
            report.add(TamperClass.CONSISTENCY_PROOF_INVALID, Finding.NO_ENTRY, e.getMessage());
        }
    }

    private void checkEntries(EvidenceBundle bundle, Checkpoint current, VerificationReport report) {
        var chain = new ChainVerifier(bundle.origin(), keys, true);
        ChainVerifier.LeafCheck inclusion = (index, leaf, r) -> { };
        if (current != null && !bundle.complete()) {
            inclusion = (index, leaf, r) -> checkInclusion(bundle, current, index, leaf, r);
        }
        Hash root = chain.verify(bundle.entryRange(), report, inclusion);
        if (current == null || !bundle.complete()) {
            return;
        }
        long count = bundle.entries().size();
        if (count < current.size()) {
            report.add(TamperClass.LOG_TRUNCATED, Finding.NO_ENTRY, "the bundle says it holds the whole log but has "
                    + count + " entries; the checkpoint says " + current.size());
        } else if (count > current.size()) {
            report.add(TamperClass.LOG_EXTENDED, Finding.NO_ENTRY, "the bundle has " + count
                    + " entries; the checkpoint covers " + current.size());
        } else if (!root.equals(current.root())) {
            report.add(TamperClass.ROOT_MISMATCH, Finding.NO_ENTRY, "the entries' root is " + root
                    + ", the checkpoint's " + current.root());
        }
    }

    private static void checkInclusion(EvidenceBundle bundle, Checkpoint current, long index, Hash leaf,
            VerificationReport report) {
        var proof = bundle.inclusionProofs().get(index);
        if (proof == null) {
            report.add(TamperClass.INCLUSION_PROOF_MISSING, index, "no inclusion proof");
            return;
        }
        if (index >= current.size()) {
            report.add(TamperClass.INCLUSION_PROOF_INVALID, index, "index is beyond the checkpoint's size "
                    + current.size());
            return;
        }
        try {
            InclusionProofs.verify(index, current.size(), leaf, proof, current.root());
        } catch (ProofException e) {
            report.add(TamperClass.INCLUSION_PROOF_INVALID, index, e.getMessage());
        }
    }
}
