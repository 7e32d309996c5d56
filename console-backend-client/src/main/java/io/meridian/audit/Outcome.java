package io.meridian.audit;

/** How an audited action ended; field 11 of an entry. */
public enum Outcome {
    SUCCEEDED(1),
    FAILED(2),
    REJECTED(3),
    BLOCKED_BY_POLICY(4);

    private final int code;

    Outcome(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The outcome of a code, or null when the code is not defined. */
    public static Outcome ofCode(int code) {
        for (var outcome : values()) {
            if (outcome.code == code) {
                return outcome;
            }
        }
        return null;
    }
}
