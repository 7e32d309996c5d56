package io.meridian.console.failover;

import io.meridian.console.topology.HealthStyle;
import io.meridian.model.failover.Candidate;
import io.meridian.model.failover.DryRunReport;
import io.meridian.model.failover.FailoverKind;
import io.meridian.model.failover.PolicyCheck;
import io.meridian.model.failover.Proposal;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A proposal's dry run, laid out for a fast decision: the policy checks worst first (blocks, then warns, then
 * passes, each with its rule and reason), the cost against the targets (data loss against the RPO, "unknown" when
 * the lag figure is frozen; RTO against its target), and the candidates ranked, each saying why it is or is not
 * eligible.
 */
final class DryRunReportView extends HBox {
    DryRunReportView(Proposal p) {
        super(24);
        setId("dry-run-report");
        getStyleClass().add("dry-run-report");
        var report = p.dryRun();
        var rules = new VBox(10, section("Policy checks, worst first"), checks(report));
        var costs = new VBox(10, section("Cost against the targets"), cost(p, report),
                section("Candidates, best first"), candidates(p, report));
        if (!report.rankingReason().isEmpty()) {
            var why = new Label("Why " + p.candidateId() + ": " + report.rankingReason());
            why.setWrapText(true);
            why.getStyleClass().add("hint");
            costs.getChildren().add(why);
        }
        // Side by side on a wide screen, so a decider sees the rules and the cost without scrolling.
        HBox.setHgrow(rules, Priority.ALWAYS);
        HBox.setHgrow(costs, Priority.ALWAYS);
        rules.setPrefWidth(0);
        costs.setPrefWidth(0);
        getChildren().addAll(rules, costs);
    }

    static Label section(String text) {
        var label = new Label(text);
        label.getStyleClass().add("failover-section");
        return label;
    }

    private static VBox checks(DryRunReport report) {
        var box = new VBox(6);
        if (report.checks().isEmpty()) {
            box.getChildren().add(new Label("The backend applied no policy checks."));
        }
        for (PolicyCheck c : report.checksWorstFirst()) {
            var verdict = new Label(FailoverStyle.verdictGlyph(c.verdict()) + " " + FailoverText.verdict(c.verdict()));
            verdict.getStyleClass().addAll("verdict-badge", FailoverStyle.verdictClass(c.verdict()));
            verdict.setMinWidth(84);
            var rule = new Label(c.rule());
            rule.getStyleClass().add("check-rule");
            rule.setMinWidth(150);
            var reason = new Label(c.reason() + switch (c.verdict()) {
                case WARN -> c.overrideRole().isEmpty() ? "  · any decider may override with a reason"
                        : "  · override needs " + c.overrideRole();
                case BLOCK -> "  · cannot be overridden";
                case PASS -> "";
            });
            reason.setWrapText(true);
            HBox.setHgrow(reason, Priority.ALWAYS);
            var line = new HBox(10, verdict, rule, reason);
            line.setAlignment(Pos.TOP_LEFT);
            line.getStyleClass().addAll("check-line", FailoverStyle.verdictClass(c.verdict()));
            box.getChildren().add(line);
        }
        return box;
    }

    private static GridPane cost(Proposal p, DryRunReport r) {
        var grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        grid.getStyleClass().add("cost-grid");
        String loss;
        boolean over;
        if (p.kind() == FailoverKind.PLANNED_SWITCHOVER && r.dataLossKnown() && r.estimatedDataLoss().isZero()) {
            loss = "none: the candidate catches up before the old primary is fenced";
            over = false;
        } else if (r.dataLossKnown()) {
            loss = FailoverText.duration(r.estimatedDataLoss()) + " of writes (" + FailoverText.bytes(
                    r.estimatedLostBytes()) + ")";
            over = r.estimatedDataLoss().compareTo(r.rpoTarget()) > 0;
        } else {
            loss = "UNKNOWN: the candidate's lag figure is frozen or missing, so the loss may be large";
            over = true;
        }
        row(grid, 0, "Estimated data loss", loss, "RPO target " + FailoverText.duration(r.rpoTarget()), over);
        row(grid, 1, "Estimated RTO", FailoverText.duration(r.estimatedRto()),
                "RTO target " + FailoverText.duration(r.rtoTarget()),
                r.estimatedRto().compareTo(r.rtoTarget()) > 0);
        return grid;
    }

    static void row(GridPane grid, int row, String what, String value, String target, boolean over) {
        var key = new Label(what);
        key.getStyleClass().add("fact-key");
        key.setMinWidth(Label.USE_PREF_SIZE);
        var figure = new Label(value);
        figure.getStyleClass().addAll("cost-value", over ? "cost-over" : "cost-within");
        figure.setWrapText(true);
        var against = new Label((over ? "▲ over · " : "✔ within · ") + target);
        against.getStyleClass().addAll("cost-target", over ? "cost-over" : "cost-within");
        against.setWrapText(true);
        grid.addRow(row, key, new VBox(2, figure, against));
    }

    private static VBox candidates(Proposal p, DryRunReport report) {
        var box = new VBox(4);
        int rank = 1;
        for (Candidate c : report.candidates()) {
            var number = new Label(rank++ + ".");
            number.getStyleClass().add("candidate-rank");
            number.setMinWidth(28);
            var name = new Label(HealthStyle.glyph(c.health()) + " " + c.replicaId()
                    + (c.replicaId().equals(p.candidateId()) ? "  ← proposed" : ""));
            name.getStyleClass().addAll("candidate-name", HealthStyle.styleClass(c.health()));
            var facts = new Label(c.regionId() + " · " + HealthStyle.label(c.health()) + " · lag "
                    + lag(c) + (c.synchronous() ? " · synchronous" : ""));
            facts.getStyleClass().add("candidate-facts");
            facts.setWrapText(true);
            var eligible = new Label(c.eligible() ? "✔ eligible" : "✖ not eligible");
            eligible.getStyleClass().add(c.eligible() ? "candidate-eligible" : "candidate-ineligible");
            eligible.setMinWidth(Label.USE_PREF_SIZE);
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var top = new HBox(10, number, name, spacer, eligible);
            top.setAlignment(Pos.BASELINE_LEFT);
            var reasons = new Label(String.join(" · ", c.reasons()));
            reasons.setWrapText(true);
            reasons.getStyleClass().add("candidate-reasons");
            var detail = new VBox(1, facts, reasons);
            detail.setPadding(new Insets(0, 0, 6, 38));
            var entry = new VBox(1, top, detail);
            entry.getStyleClass().add("candidate-line");
            box.getChildren().add(entry);
        }
        if (report.candidates().isEmpty()) {
            box.getChildren().add(new Label("No replica of this cluster can be promoted."));
        }
        return box;
    }

    private static String lag(Candidate c) {
        if (!c.lagKnown()) {
            return "FROZEN (unknown)";
        }
        return FailoverText.duration(c.lag()) + (c.lagBytes() > 0 ? " / " + FailoverText.bytes(c.lagBytes()) : "");
    }
}
