package io.meridian.audit;

/**
 * One failure found by a verifier: its class, the entry index it concerns (-1 when it concerns no single entry) and
 * a message naming what was seen, e.g. both roots of a fork.
 */
public record Finding(TamperClass tamperClass, long entryIndex, String message) {
    public static final long NO_ENTRY = -1;

    @Override
    public String toString() {
        return tamperClass + (entryIndex >= 0 ? " at entry " + entryIndex : "") + ": " + message;
    }
}
