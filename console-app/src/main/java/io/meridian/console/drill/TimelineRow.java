package io.meridian.console.drill;

import io.meridian.model.drill.TimelineEntry;
import io.meridian.model.drill.TimelineKind;
import java.time.Instant;

/**
 * One line of the drill timeline as the list shows it: offset from the start, what happened (with a glyph and a
 * style class by kind, so success, failure and people stand out without colour alone), who, and the detail.
 */
public record TimelineRow(String offset, String glyph, String kind, String detail, String actor, String styleClass) {
    static TimelineRow of(Instant start, TimelineEntry e) {
        var style = switch (e.kind()) {
            case RECOVERED, CONSISTENCY_CHECKED, STEP_PASSED, STEP_CONFIRMED -> "event-good";
            case STEP_FAILED, NOT_RECOVERED, ABORTED, INTERRUPTED -> "event-bad";
            case FAULT_INJECTED, DETECTED -> "event-fault";
            case DECISION, STEP_WAITING -> "event-person";
            default -> "event-plain";
        };
        var glyph = switch (e.kind()) {
            case RECOVERED, CONSISTENCY_CHECKED, STEP_PASSED, STEP_CONFIRMED -> "✓";
            case STEP_FAILED, NOT_RECOVERED, ABORTED, INTERRUPTED -> "✕";
            case FAULT_INJECTED -> "⚡";
            case DETECTED -> "◉";
            case DECISION, STEP_WAITING -> "●";
            default -> "·";
        };
        var label = e.kind() == TimelineKind.DECISION && e.decisive() ? "decision (decisive)" : e.kind().label();
        var subject = e.subject().isEmpty() ? "" : e.subject() + ": ";
        return new TimelineRow(DrillText.offset(start, e.at()), glyph, label, subject + e.detail(), e.actor(),
                style);
    }
}
