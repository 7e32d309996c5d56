package io.meridian.console.failover;

import io.meridian.model.failover.PhaseRecord;
import io.meridian.model.failover.PhaseStatus;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.ProposalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The execution of an approved proposal: the result first (which phase failed, and why, when one did), then the
 * phases as a timeline whose bars are as long as the phases took, and the measured RTO and RPO against the targets.
 */
final class ExecutionView extends VBox {
    private static final double BAR_WIDTH = 260;

    ExecutionView(Proposal p, Instant serverNow) {
        super(8);
        setId("execution-view");
        getStyleClass().add("execution-view");
        getChildren().addAll(DryRunReportView.section("Execution"), result(p));
        var longest = p.phases().stream().map(r -> r.duration(serverNow).orElse(Duration.ZERO))
                .max(Duration::compareTo).orElse(Duration.ZERO);
        var timeline = new VBox(4);
        timeline.getStyleClass().add("phase-timeline");
        for (var phase : p.phases()) {
            timeline.getChildren().add(phaseLine(phase, serverNow, longest));
        }
        getChildren().add(timeline);
        if (p.state() == ProposalState.SUCCEEDED || p.measuredRtoValue().isPresent()) {
            getChildren().add(measured(p));
        }
    }

    private static Label result(Proposal p) {
        var failed = p.failedPhase();
        String text = switch (p.state()) {
            case SUCCEEDED -> "● Succeeded: " + p.candidateId() + " is the primary of " + p.clusterId() + ".";
            case FAILED -> "✖ Failed in " + failed.map(r -> r.phase().label().toUpperCase(Locale.ROOT))
                    .orElse("an unnamed phase") + ": " + failed.map(PhaseRecord::detail).filter(d -> !d.isEmpty())
                    .orElse(p.stateDetail()) + " Nothing after it ran.";
            case EXECUTING -> "▶ Executing: " + p.phases().stream().filter(r -> r.status() == PhaseStatus.DONE)
                    .count() + " of " + p.phases().size() + " phases done.";
            default -> FailoverText.state(p.state()) + (p.stateDetail().isEmpty() ? "" : ": " + p.stateDetail());
        };
        var label = new Label(text);
        label.setId("execution-result");
        label.setWrapText(true);
        label.getStyleClass().addAll("execution-result", "result-" + p.state().name().toLowerCase(
                Locale.ROOT));
        return label;
    }

    private static HBox phaseLine(PhaseRecord r, Instant now, Duration longest) {
        var glyph = new Label(FailoverStyle.phaseGlyph(r.status()));
        glyph.getStyleClass().addAll("phase-glyph", FailoverStyle.phaseClass(r.status()));
        glyph.setMinWidth(22);
        var name = new Label(r.phase().label());
        name.getStyleClass().add("phase-name");
        name.setMinWidth(200);
        var duration = r.duration(now);
        var track = new Region();
        track.getStyleClass().add("phase-track");
        track.setPrefSize(BAR_WIDTH, 10);
        track.setMaxSize(BAR_WIDTH, 10);
        var bar = new Region();
        bar.getStyleClass().addAll("phase-bar", FailoverStyle.phaseClass(r.status()));
        double share = longest.isZero() || duration.isEmpty() ? 0
                : (double) duration.get().toMillis() / longest.toMillis();
        bar.setPrefSize(Math.max(duration.isPresent() ? 4 : 0, BAR_WIDTH * share), 10);
        bar.setMaxSize(Region.USE_PREF_SIZE, 10);
        var bars = new StackPane(track, bar);
        StackPane.setAlignment(bar, Pos.CENTER_LEFT);
        bars.setMinWidth(BAR_WIDTH);
        var took = new Label(duration.map(d -> FailoverText.duration(d)
                + (r.status() == PhaseStatus.RUNNING ? " so far" : "")).orElse(
                r.status() == PhaseStatus.SKIPPED ? "skipped" : "pending"));
        took.getStyleClass().add("phase-duration");
        took.setMinWidth(90);
        var detail = new Label(r.detail());
        detail.setWrapText(true);
        detail.getStyleClass().add("phase-detail");
        HBox.setHgrow(detail, Priority.ALWAYS);
        var line = new HBox(10, glyph, name, bars, took, detail);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().addAll("phase-line", FailoverStyle.phaseClass(r.status()));
        return line;
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
