package io.meridian.client;

/** A backend call that failed; the message says what happened in words a user can act on. */
public final class BackendException extends Exception {
    /** What kind of failure, so callers can decide whether retrying helps. */
    public enum Kind {
        /** Nothing answered, or the connection broke: retrying may help. */
        UNREACHABLE,
        /** The backend answered too late. */
        TIMEOUT,
        /** The backend speaks another API version: retrying will not help. */
        INCOMPATIBLE,
        /** The backend refused the call (identity, role or input). */
        REFUSED,
        /** Anything else the backend reported. */
        FAILED
    }

    private final Kind kind;

    public BackendException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
