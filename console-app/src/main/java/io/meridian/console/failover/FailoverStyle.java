package io.meridian.console.failover;

import io.meridian.model.failover.FailoverKind;
import io.meridian.model.failover.PhaseStatus;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * How failover states look: a style class for the colour AND a glyph for the shape, never colour alone. The CSS
 * (failover.css) maps the classes to the theme's semantic colours.
 */
final class FailoverStyle {
    /** Every severity class, so a node's old one can be removed before the new one is added. */
    static final List<String> SEVERITIES = List.of("severity-critical", "severity-warning", "severity-active",
            "severity-done", "severity-closed");

    private FailoverStyle() {
    }

    /**
     * An open failover is critical (a cluster has no primary); an open switchover a warning; running is active;
     * success done; a failed run critical; rejected and withdrawn proposals are closed.
     */
    static String severity(Proposal p) {
        return switch (p.state()) {
            case OPEN -> p.kind() == FailoverKind.UNPLANNED_FAILOVER ? "severity-critical" : "severity-warning";
            case EXECUTING -> "severity-active";
            case SUCCEEDED -> "severity-done";
            case FAILED -> "severity-critical";
            case REJECTED, WITHDRAWN -> "severity-closed";
        };
    }

    static String glyph(Proposal p) {
        return switch (p.state()) {
            case OPEN -> p.kind() == FailoverKind.UNPLANNED_FAILOVER ? "✖" : "▲";
            case EXECUTING -> "▶";
            case SUCCEEDED -> "●";
            case FAILED -> "✖";
            case REJECTED, WITHDRAWN -> "○";
        };
    }

    static String verdictClass(Verdict verdict) {
        return "verdict-" + verdict.name().toLowerCase(Locale.ROOT);
    }

    static String verdictGlyph(Verdict verdict) {
        return switch (verdict) {
            case PASS -> "✔";
            case WARN -> "▲";
            case BLOCK -> "■";
        };
    }

    static String phaseClass(PhaseStatus status) {
        return "phase-" + status.name().toLowerCase(Locale.ROOT);
    }

    static String phaseGlyph(PhaseStatus status) {
        return switch (status) {
            case PENDING -> "○";
            case RUNNING -> "▶";
            case DONE -> "✔";
            case FAILED -> "✖";
            case SKIPPED -> "–";
        };
    }
}
