package io.meridian.audit;

/**
 * Every way a verification can fail, named so that an auditor's report, the attack corpus and the exit code of
 * {@code verify-bundle} agree. docs/audit-format.md section 7.1 says when each is reported.
 */
public enum TamperClass {
    MALFORMED_INPUT("the input is not a usable bundle"),
    ENTRY_MALFORMED("an entry does not decode"),
    ENTRY_SIGNATURE_INVALID("an entry's signature does not verify (changed field or forged signature)"),
    ENTRY_UNKNOWN_KEY("an entry is signed by a key that is not trusted"),
    ENTRY_WRONG_REGION_KEY("an entry is signed by another region's key"),
    ENTRY_FOREIGN_ORIGIN("an entry belongs to another log (replayed)"),
    ENTRY_MISSING("entries were deleted"),
    ENTRY_INSERTED("an entry was inserted"),
    ENTRIES_REORDERED("entries are out of order"),
    CHAIN_BROKEN("the previous-entry hash does not match"),
    DUPLICATE_QUERY_ID("a query id appears twice"),
    LOG_TRUNCATED("a log presented as complete lacks entries"),
    LOG_EXTENDED("a log presented as complete has more entries than its checkpoint"),
    ROOT_MISMATCH("the recomputed root differs from the checkpoint"),
    INCLUSION_PROOF_MISSING("an entry has no inclusion proof"),
    INCLUSION_PROOF_INVALID("an inclusion proof does not hold"),
    CHECKPOINT_MALFORMED("a checkpoint or signed note does not parse"),
    CHECKPOINT_UNKNOWN_KEY("a checkpoint is not signed by a trusted key"),
    CHECKPOINT_KEY_HASH_MISMATCH("a checkpoint signature carries a wrong key hash"),
    CHECKPOINT_SIGNATURE_INVALID("a checkpoint signature does not verify (changed size, root or text)"),
    CHECKPOINT_WRONG_ORIGIN("a checkpoint belongs to another log"),
    ROLLBACK("a checkpoint is older than one seen before it"),
    FORK("two checkpoints of one size have different roots"),
    CONSISTENCY_PROOF_MISSING("two checkpoints come without a consistency proof"),
    CONSISTENCY_PROOF_INVALID("a consistency proof does not hold");

    private final String description;

    TamperClass(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
