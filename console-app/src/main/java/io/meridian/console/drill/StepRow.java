package io.meridian.console.drill;

import io.meridian.model.drill.DrillStep;
import io.meridian.model.drill.StepKind;
import io.meridian.model.drill.StepStatus;

/**
 * One runbook step as the list shows it: number, status glyph and style class, title, and what the operator must
 * do next (for the current step: the one that runs or waits) or what happened (for the others).
 */
public record StepRow(String id, String number, String glyph, String status, String title, String text,
                      String styleClass, boolean current, boolean waiting, String confirmBy) {
    static StepRow of(int index, DrillStep s) {
        var glyph = switch (s.status()) {
            case PENDING -> "○";
            case RUNNING -> "▶";
            case WAITING -> "◐"; // not a hand emoji: many fonts lack it and show a box
            case PASSED -> "✓";
            case FAILED -> "✕";
            case SKIPPED -> "–";
        };
        boolean current = s.status() == StepStatus.RUNNING || s.status() == StepStatus.WAITING;
        String text;
        if (s.status() == StepStatus.WAITING) {
            text = "NEXT: " + s.confirmBy() + " confirms. " + s.instruction();
        } else if (current || s.status() == StepStatus.PENDING) {
            text = s.instruction();
        } else {
            text = s.detail().isEmpty() ? s.instruction() : s.detail();
        }
        var kind = s.kind() == StepKind.MANUAL ? "manual" : DrillText.words(s.kind());
        return new StepRow(s.id(), Integer.toString(index + 1), glyph, DrillText.words(s.status()) + " · " + kind,
                s.title(), text, "step-" + s.status().name().toLowerCase(java.util.Locale.ROOT), current,
                s.status() == StepStatus.WAITING, s.confirmBy());
    }
}
