package io.meridian.model.drill;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a drill as the backend reports it: what the operator must do ({@code instruction}), who must confirm
 * a manual step, and what happened. {@code startedAt} and {@code finishedAt} are null until they happen.
 */
public record DrillStep(String id, String title, StepKind kind, StepStatus status, String instruction,
                        String confirmBy, String confirmedBy, Instant startedAt, Instant finishedAt, String detail) {
    public DrillStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
    }
}
