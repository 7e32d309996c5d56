package io.meridian.console.telemetry;

/** How urgent an alert is; the alert list and the notifications style by it. */
public enum Severity {
    WARNING, CRITICAL;

    public String label() {
        return this == CRITICAL ? "CRITICAL" : "WARNING";
    }

    /** A glyph so the severity reads without colour: ▲ warning, ✖ critical. */
    public String glyph() {
        return this == CRITICAL ? "✖" : "▲";
    }
}
