package io.meridian.model.session;

/** What a caller may do. The backend enforces roles on every call; the console only hides what a role cannot do. */
public enum Role {
    VIEWER("viewer", "reads topology and telemetry"),
    OPERATOR("operator", "decides failovers"),
    INCIDENT_COMMANDER("incident-commander", "runs drills and decides failovers"),
    AUDITOR("auditor", "reads and exports the audit log");

    private final String label;
    private final String grants;

    Role(String label, String grants) {
        this.label = label;
        this.grants = grants;
    }

    public String label() {
        return label;
    }

    /** What the role lets its holder do, in words for the status bar. */
    public String grants() {
        return grants;
    }
}
