package io.meridian.postgres.observe;

/** One statement's executions since the previous sample of its server: calls and the time they took. */
public record StatementDelta(long queryId, String user, long calls, double totalMillis) {
    /** Mean latency of these calls in milliseconds. */
    public double meanMillis() {
        return totalMillis / calls;
    }
}
