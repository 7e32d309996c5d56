package io.meridian.audit;

/** What an audit entry records; the code is the entry's field 6 (docs/audit-format.md section 1.2). */
public enum AuditAction {
    QUERY_EXECUTED(1),
    FAILOVER_PROPOSED(2),
    FAILOVER_DECIDED(3),
    EXECUTION_PHASE(4),
    DRILL_EVENT(5),
    CONFIGURATION_CHANGE(6);

    private final int code;

    AuditAction(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The action of a code, or null when the code is not defined. */
    public static AuditAction ofCode(int code) {
        for (var action : values()) {
            if (action.code == code) {
                return action;
            }
        }
        return null;
    }
}
