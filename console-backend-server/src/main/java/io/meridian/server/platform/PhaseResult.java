package io.meridian.server.platform;

import java.util.Objects;

/**
 * What a platform observed while carrying out one phase: a sentence for the timeline and, for the phases that can
 * tell, the data lost by the promotion (bytes of WAL or events not replayed, and their age in milliseconds); -1
 * where the phase cannot tell.
 */
public record PhaseResult(String detail, long lostBytes, long lostMillis) {
    public static final long UNKNOWN = -1;

    public PhaseResult {
        Objects.requireNonNull(detail, "detail");
    }

    /** A phase that measured no data loss. */
    public static PhaseResult of(String detail) {
        return new PhaseResult(detail, UNKNOWN, UNKNOWN);
    }
}
