package io.meridian.console.telemetry;

/**
 * What the map shows on the arc from one region to another: the lag of its worst link, how that stands against the
 * targets, and whether it is current. {@code label} is the text drawn on the arc ("12.4 s", "BREAKER OPEN 74 s",
 * or with its age when stale).
 */
public record ArcFigure(String sourceRegionId, String targetRegionId, String worstLinkId, double lagSeconds,
                        LagLevel level, boolean stale, String label) {
    /** The key the map uses for the arc between two regions. */
    public static String pair(String sourceRegionId, String targetRegionId) {
        return sourceRegionId + "\n" + targetRegionId;
    }

    public String pair() {
        return pair(sourceRegionId, targetRegionId);
    }
}
