package io.meridian.audit;

/** Whether an audited action started by itself or by a named person; field 7 of an entry. */
public enum TriggerKind {
    AUTOMATIC(1),
    PERSON(2);

    private final int code;

    TriggerKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The kind of a code, or null when the code is not defined. */
    public static TriggerKind ofCode(int code) {
        for (var kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }
}
