package io.meridian.console.drill;

import io.meridian.model.drill.Measure;
import io.meridian.model.drill.MeasureVerdict;

/**
 * One measure of the report as the screen lists it: what, measured (and on the wall clock when the platform ran
 * faster), target, and the verdict as a word and a style class.
 */
public record MeasureRow(String label, String measured, String target, String verdict, String note,
                         String styleClass) {
    static MeasureRow of(Measure m, boolean fast) {
        var measured = DrillText.duration(m.measured()) + (fast && m.wallMeasured() != null
                ? " (wall " + DrillText.duration(m.wallMeasured()) + ")" : "");
        var verdict = switch (m.verdict()) {
            case PASS -> "✓ PASS";
            case FAIL -> "✕ FAIL";
            case PENDING -> "… PENDING";
            case NOT_APPLICABLE -> "– N/A";
        };
        return new MeasureRow(m.label(), measured, m.target() == null ? "no target" : DrillText.duration(m.target()),
                verdict, m.note().isEmpty() ? m.targetBasis() : m.note(),
                "measure-" + (m.verdict() == MeasureVerdict.NOT_APPLICABLE ? "na"
                        : m.verdict().name().toLowerCase(java.util.Locale.ROOT)));
    }
}
