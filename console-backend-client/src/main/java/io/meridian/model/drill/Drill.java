package io.meridian.model.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A drill as the backend reports it: the live state while it runs, the report once it ended. Times are platform
 * time (simulated, when the platform runs faster than real time); {@code wallElapsed} is the backend's wall clock,
 * and their ratio is the speed the drill ran at. {@code endedAt} is null while it runs.
 */
public record Drill(String id, DrillType type, String title, List<String> targets, DrillState state,
                    String stateDetail, String startedBy, Instant startedAt, Instant endedAt,
                    Duration platformElapsed, Duration wallElapsed, List<DrillStep> steps,
                    List<TimelineEntry> timeline, List<Measure> measures, List<DrillDecision> decisions,
                    List<String> proposalIds, DrillAuditRecord audit, String runbookName,
                    List<String> declaredFaults, DrillOutcome outcome) {
    public Drill {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        targets = List.copyOf(targets);
        steps = List.copyOf(steps);
        timeline = List.copyOf(timeline);
        measures = List.copyOf(measures);
        decisions = List.copyOf(decisions);
        proposalIds = List.copyOf(proposalIds);
        declaredFaults = List.copyOf(declaredFaults);
    }

    /** Platform seconds per wall-clock second over the drill so far; 1 when too short to tell. */
    public double speed() {
        if (wallElapsed.toMillis() < 500) {
            return 1;
        }
        return platformElapsed.toNanos() / (double) wallElapsed.toNanos();
    }
}
