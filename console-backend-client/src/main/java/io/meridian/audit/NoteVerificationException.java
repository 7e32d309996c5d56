package io.meridian.audit;

/**
 * A well-formed signed note that the trusted keys do not vouch for. Says which of the three ways it failed, as the
 * tamper class the evidence report uses, and which key name it concerns.
 */
public final class NoteVerificationException extends Exception {
    private final TamperClass tamperClass;
    private final String keyName;

    public NoteVerificationException(TamperClass tamperClass, String keyName, String message) {
        super(message);
        this.tamperClass = tamperClass;
        this.keyName = keyName;
    }

    /** One of CHECKPOINT_UNKNOWN_KEY, CHECKPOINT_KEY_HASH_MISMATCH, CHECKPOINT_SIGNATURE_INVALID. */
    public TamperClass tamperClass() {
        return tamperClass;
    }

    /** The key name concerned, or null when no signature line named a trusted key. */
    public String keyName() {
        return keyName;
    }
}
