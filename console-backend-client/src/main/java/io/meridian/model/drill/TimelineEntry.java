package io.meridian.model.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One event of a drill's timeline: {@code at} in platform time, {@code wallOffset} on the backend's wall clock
 * since the drill started, and a figure it carries ({@code value}, e.g. the data lost at recovery), or null.
 */
public record TimelineEntry(Instant at, Duration wallOffset, TimelineKind kind, String detail, String actor,
                            String subject, String proposalId, String stepId, Duration value, boolean decisive) {
    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
    }
}
