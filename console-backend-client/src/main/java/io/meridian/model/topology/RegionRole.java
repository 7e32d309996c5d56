package io.meridian.model.topology;

/** What a region is for. */
public enum RegionRole {
    PRIMARY("Primary"),
    SECONDARY("Secondary"),
    DR("Disaster recovery"),
    EDGE("Edge"),
    ANALYTICS("Analytics"),
    COMPLIANCE_HUB("Compliance hub");

    private final String label;

    RegionRole(String label) {
        this.label = label;
    }

    /** Human label, for screens and reports. */
    public String label() {
        return label;
    }
}
