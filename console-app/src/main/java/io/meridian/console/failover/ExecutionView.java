package io.meridian.console.failover;

import io.meridian.model.failover.PhaseRecord;
import io.meridian.model.failover.PhaseStatus;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.ProposalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The execution of an approved proposal: the result first (which phase failed, and why, when one did), the measured
 * RTO and RPO against the targets, then the phases as a timeline whose bars are as long as the phases took.
 */
final class ExecutionView extends VBox {
    private static final double BAR_WIDTH = 240;

    ExecutionView(Proposal p, Instant serverNow) {
        super(8);
        setId("execution-view");
        getStyleClass().add("execution-view");
        getChildren().addAll(DryRunReportView.section("Execution"), result(p));
        if (p.state() == ProposalState.SUCCEEDED || p.measuredRtoValue().isPresent()) {
            getChildren().add(measured(p));
        }
        getChildren().add(timeline(p, serverNow));
    }

    private static Label result(Proposal p) {
        var failed = p.failedPhase();
        String text = switch (p.state()) {
            case SUCCEEDED -> "● Succeeded: " + p.candidateId() + " is the primary of " + p.clusterId() + ".";
            case FAILED -> "✖ Failed in " + failed.map(r -> r.phase().label().toUpperCase(Locale.ROOT))
                    .orElse("an unnamed phase") + ": " + sentence(failed.map(PhaseRecord::detail)
                    .filter(d -> !d.isEmpty()).orElse(p.stateDetail())) + " Nothing after it ran.";
            case EXECUTING -> "▶ Executing: " + p.phases().stream().filter(r -> r.status() == PhaseStatus.DONE)
                    .count() + " of " + p.phases().size() + " phases done.";
            default -> FailoverText.state(p.state()) + (p.stateDetail().isEmpty() ? "" : ": " + p.stateDetail());
        };
        var label = new Label(text);
        label.setId("execution-result");
        label.setWrapText(true);
        label.getStyleClass().addAll("execution-result", "result-" + p.state().name().toLowerCase(Locale.ROOT));
        return label;
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    /**
     * One row per phase: when it started after the first, a bar placed and sized on the run's time axis (so gaps and
     * the slow phase show), how long it took, and what the platform said.
     */
    private static GridPane timeline(Proposal p, Instant now) {
        var grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.getStyleClass().add("phase-timeline");
        var first = p.phases().stream().map(PhaseRecord::startedAt).filter(Objects::nonNull).min(Instant::compareTo);
        var last = p.phases().stream().map(r -> r.finishedAt() != null ? r.finishedAt()
                : r.startedAt() != null ? now : null).filter(Objects::nonNull).max(Instant::compareTo);
        long span = first.isPresent() && last.isPresent()
                ? Math.max(1, Duration.between(first.get(), last.get()).toMillis()) : 1;
        int row = 0;
        for (var r : p.phases()) {
            var glyph = new Label(FailoverStyle.phaseGlyph(r.status()));
            glyph.getStyleClass().addAll("phase-glyph", FailoverStyle.phaseClass(r.status()));
            var name = new Label(r.phase().label());
            name.getStyleClass().addAll("phase-name", FailoverStyle.phaseClass(r.status()));
            name.setMinWidth(Region.USE_PREF_SIZE);
            var at = new Label(r.startedAt() == null || first.isEmpty() ? ""
                    : "+" + FailoverText.offset(Duration.between(first.get(), r.startedAt())));
            at.getStyleClass().add("phase-offset");
            at.setMinWidth(Region.USE_PREF_SIZE);
            var duration = r.duration(now);
            var track = new Pane();
            track.getStyleClass().add("phase-track");
            track.setPrefSize(BAR_WIDTH, 12);
            track.setMinSize(BAR_WIDTH, 12);
            track.setMaxSize(BAR_WIDTH, 12);
            if (r.startedAt() != null && first.isPresent()) {
                var bar = new Region();
                bar.getStyleClass().addAll("phase-bar", FailoverStyle.phaseClass(r.status()));
                double x = BAR_WIDTH * Duration.between(first.get(), r.startedAt()).toMillis() / span;
                double w = BAR_WIDTH * duration.orElse(Duration.ZERO).toMillis() / span;
                bar.setLayoutX(x);
                bar.setPrefSize(Math.max(4, Math.min(w, BAR_WIDTH - x)), 12);
                track.getChildren().add(bar);
            }
            var took = new Label(duration.map(d -> FailoverText.duration(d)
                    + (r.status() == PhaseStatus.RUNNING ? " so far" : "")).orElse(
                    r.status() == PhaseStatus.SKIPPED ? "skipped" : "pending"));
            took.getStyleClass().add("phase-duration");
            took.setMinWidth(Region.USE_PREF_SIZE);
            var detail = new Label(r.detail());
            // One line per phase keeps the timeline readable at a glance; a failure's reason is shown whole.
            detail.setWrapText(r.status() == PhaseStatus.FAILED);
            if (!r.detail().isEmpty()) {
                detail.setTooltip(new Tooltip(r.detail()));
            }
            detail.getStyleClass().add("phase-detail");
            GridPane.setHgrow(detail, Priority.ALWAYS);
            grid.addRow(row++, glyph, name, at, track, took, detail);
        }
        return grid;
    }

    private static GridPane measured(Proposal p) {
        var grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        grid.setId("measured");
        var report = p.dryRun();
        p.measuredRtoValue().ifPresent(rto -> DryRunReportView.row(grid, 0, "Measured RTO",
                FailoverText.duration(rto), "RTO target " + FailoverText.duration(report.rtoTarget()),
                rto.compareTo(report.rtoTarget()) > 0));
        p.measuredRpoValue().ifPresent(rpo -> DryRunReportView.row(grid, 1, "Measured RPO",
                FailoverText.duration(rpo) + " (" + FailoverText.bytes(p.measuredLostBytes()) + " lost)",
                "RPO target " + FailoverText.duration(report.rpoTarget()), rpo.compareTo(report.rpoTarget()) > 0));
        return grid;
    }
}
