package io.meridian.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evidence an auditor can verify offline: a range of entries, the checkpoints they are proved against (oldest
 * first), the proofs, and the keys the producer used (for information only). The JSON form and its rules are in
 * docs/audit-format.md section 7; {@link BundleCodec} reads and writes it, {@link BundleVerifier} checks it.
 *
 * @param checkpoints     signed notes as text, in the order observed; the last is the current checkpoint
 * @param complete        the entries claim to be the whole log of the current checkpoint
 * @param inclusionProofs proof hashes by entry index, against the current checkpoint
 */
public record EvidenceBundle(
        String origin,
        List<String> checkpoints,
        List<ConsistencyProof> consistencyProofs,
        long first,
        boolean complete,
        List<byte[]> entries,
        Map<Long, List<Hash>> inclusionProofs,
        List<NoteKey> checkpointKeys,
        List<RegionKey> regionKeys) {

    public static final String SCHEMA = "https://meridian.example/schemas/audit-evidence-bundle";
    public static final int VERSION = 1;

    public EvidenceBundle {
        checkpoints = List.copyOf(checkpoints);
        consistencyProofs = List.copyOf(consistencyProofs);
        entries = List.copyOf(entries);
        var proofs = new TreeMap<Long, List<Hash>>();
        inclusionProofs.forEach((index, hashes) -> proofs.put(index, List.copyOf(hashes)));
        inclusionProofs = java.util.Collections.unmodifiableMap(proofs);
        checkpointKeys = List.copyOf(checkpointKeys);
        regionKeys = List.copyOf(regionKeys);
    }

    public EntryRange entryRange() {
        return EntryRange.of(first, entries);
    }
}
