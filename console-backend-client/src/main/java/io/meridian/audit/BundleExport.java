package io.meridian.audit;

import io.meridian.client.AuditReader;
import io.meridian.client.BackendException;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads an evidence bundle (docs/audit-format.md section 7) from a backend: entries [from, to) of its latest
 * checkpoint with an inclusion proof per entry, or the complete log. One code path for {@code meridian export-bundle}
 * and the console's auditor view. It verifies nothing: the auditor checks the bundle with keys pinned by other means.
 */
public final class BundleExport {
    /** Entries per bundle with per-entry proofs: keeps a bundle a size an auditor can mail. */
    public static final long MAX_RANGE = 1_000_000;

    private BundleExport() {
    }

    /**
     * Exports entries [from, to) of the backend's latest checkpoint; with neither bound, the complete log.
     *
     * @param from the first entry, or empty for 0
     * @param to   one past the last entry, or empty for the checkpoint's size
     * @throws IllegalArgumentException when the range does not lie within the checkpoint or is too long; the message
     *                                  says which bound and what the checkpoint holds
     */
    public static EvidenceBundle export(AuditReader audit, OptionalLong from, OptionalLong to)
            throws BackendException, AuditFormatException {
        String note = audit.latestCheckpoint();
        var checkpoint = Checkpoint.parse(SignedNote.parse(note).text());
        long size = checkpoint.size();
        boolean complete = from.isEmpty() && to.isEmpty();
        long first = from.orElse(0);
        long end = to.orElse(size);
        if (!complete && (first < 0 || first >= size)) {
            throw new IllegalArgumentException("the range starts at " + first + ", but the latest checkpoint holds "
                    + (size == 0 ? "no entries" : "entries 0 to " + (size - 1)));
        }
        if (!complete && (end <= first || end > size)) {
            throw new IllegalArgumentException("the range ends before " + end + ", but it must end after its first "
                    + "entry " + first + " and at most at " + size + ", the latest checkpoint's size");
        }
        if (end - first > MAX_RANGE) {
            throw new IllegalArgumentException("a bundle holds at most " + MAX_RANGE + " entries; the range has "
                    + (end - first));
        }
        var entries = audit.entries(first, end);
        var proofs = new TreeMap<Long, List<Hash>>();
        if (!complete) {
            for (long i = first; i < end; i++) {
                proofs.put(i, audit.inclusionProof(i, size));
            }
        }
        return new EvidenceBundle(checkpoint.origin(), List.of(note), List.of(), first, complete, entries, proofs, List.of(),
                List.of());
    }
}
