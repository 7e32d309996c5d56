package io.meridian.audit;

/**
 * A Merkle proof that does not hold. Carries what the caller needs as evidence: the expected root and the root the
 * proof led to (null when the proof was refused before hashing, e.g. for its length).
 */
public final class ProofException extends Exception {
    private final Hash expected;
    private final Hash computed;

    public ProofException(String message) {
        this(message, null, null);
    }

    public ProofException(String message, Hash expected, Hash computed) {
        super(computed == null ? message : message + ": expected root " + expected + ", proof leads to " + computed);
        this.expected = expected;
        this.computed = computed;
    }

    public Hash expected() {
        return expected;
    }

    public Hash computed() {
        return computed;
    }
}
