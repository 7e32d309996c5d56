package io.meridian.console.failover;

import io.meridian.model.failover.Decision;
import io.meridian.model.failover.DecisionKind;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.ProposalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The selected proposal: what it promotes and why, the commands (approve, reject, refresh the dry run) with the
 * reason beside any that is unavailable, the decisions so far, the execution once it runs, and the dry run.
 * The commands stay in place while the content below is rebuilt for each new copy of the proposal, so focus and
 * mnemonics (Alt+A, Alt+R, Alt+F) survive updates.
 */
final class ProposalDetailView extends VBox {
    private final FailoverViewModel viewModel;
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Label age = new Label();
    private final VBox content = new VBox(14);

    ProposalDetailView(FailoverViewModel viewModel) {
        super(10);
        this.viewModel = viewModel;
        setId("proposal-detail");
        getStyleClass().add("proposal-detail");
        setPadding(new Insets(14));
        title.setId("proposal-title");
        title.getStyleClass().add("detail-title");
        subtitle.getStyleClass().add("detail-subtitle");
        subtitle.setWrapText(true);
        age.getStyleClass().add("detail-age");

        var approve = new Button("_Approve…");
        approve.setId("approve-button");
        approve.getStyleClass().add("approve-button");
        approve.setOnAction(e -> viewModel.decisionDialog(DecisionKind.APPROVE)
                .ifPresent(vm -> new DecisionDialog(getScene().getWindow(), vm).showAndWait()));
        var reject = new Button("_Reject…");
        reject.setId("reject-button");
        reject.getStyleClass().add("reject-button");
        reject.setOnAction(e -> viewModel.decisionDialog(DecisionKind.REJECT)
                .ifPresent(vm -> new DecisionDialog(getScene().getWindow(), vm).showAndWait()));
        var refresh = new Button("Re_fresh dry run");
        refresh.setId("refresh-button");
        refresh.setOnAction(e -> viewModel.refreshDryRun());
        var actions = new HBox(10,
                CommandButtons.bound(approve, viewModel.approveProperty(), viewModel.busyProperty()),
                CommandButtons.bound(reject, viewModel.rejectProperty(), viewModel.busyProperty()),
                CommandButtons.bound(refresh, viewModel.refreshProperty(), viewModel.busyProperty()));
        actions.setAlignment(Pos.CENTER_LEFT);
        var why = new Label();
        why.setId("approve-why");
        why.getStyleClass().add("command-why");
        why.setWrapText(true);
        why.textProperty().bind(Bindings.createStringBinding(() -> {
            var a = viewModel.approveProperty().get();
            var r = viewModel.rejectProperty().get();
            if (viewModel.selectedProperty().get() == null || a.allowed()) {
                return "";
            }
            return r.allowed() ? "Approve is unavailable: " + a.why() : a.why();
        }, viewModel.approveProperty(), viewModel.rejectProperty(), viewModel.selectedProperty()));
        why.visibleProperty().bind(why.textProperty().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());

        var lag = new Label();
        lag.setId("candidate-live-lag");
        lag.getStyleClass().add("live-lag");
        lag.textProperty().bind(viewModel.liveLagTextProperty());
        lag.visibleProperty().bind(lag.textProperty().isNotEmpty());
        lag.managedProperty().bind(lag.visibleProperty());
        var header = new VBox(4, title, subtitle, age, lag, actions, why);
        var scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("detail-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, scroll);

        viewModel.selectedProperty().addListener((obs, old, p) -> show(p));
        viewModel.serverNowProperty().addListener((obs, old, now) -> tick(now));
        show(viewModel.selectedProperty().get());
    }

    private void show(Proposal p) {
        content.getChildren().clear();
        getChildren().forEach(child -> child.setVisible(p != null));
        if (p == null) {
            return;
        }
        title.setText(FailoverStyle.glyph(p) + "  " + p.clusterId() + " · " + FailoverText.kind(p.kind()));
        title.getStyleClass().removeAll(FailoverStyle.SEVERITIES);
        title.getStyleClass().add(FailoverStyle.severity(p));
        subtitle.setText("Promote " + p.candidateId() + " in place of " + p.oldPrimaryId() + " · "
                + FailoverText.state(p.state()) + (p.stateDetail().isEmpty() ? "" : ": " + p.stateDetail())
                + " · version " + p.version() + " · opened by " + p.openedBy()
                + (p.drillId().isEmpty() ? "" : " · DRILL " + p.drillId()));
        tick(viewModel.serverNowProperty().get());
        // Once it runs, how the run goes matters most; before, the decisions and the dry run.
        if (!p.phases().isEmpty()) {
            content.getChildren().add(new ExecutionView(p, viewModel.serverNowProperty().get()));
        }
        content.getChildren().addAll(decisions(p), new DryRunReportView(p));
    }

    private void tick(Instant now) {
        var p = viewModel.selectedProperty().get();
        if (p == null) {
            return;
        }
        var text = "Opened " + FailoverText.age(Duration.between(p.openedAt(), now)) + " ago"
                + p.failureSeen().map(f -> " · primary failed " + FailoverText.age(Duration.between(f, now))
                + " ago").orElse("")
                + p.flappingWindowEnd().filter(end -> end.isAfter(now)).map(end -> " · Anti-flapping window: "
                + FailoverText.countdown(Duration.between(now, end)) + " left").orElse("");
        age.setText(text);
        if (p.state() == ProposalState.EXECUTING && !content.getChildren().isEmpty()) {
            // The running phase's bar and duration grow with time.
            show(p);
        }
    }

    private VBox decisions(Proposal p) {
        var box = new VBox(4);
        box.setId("decisions");
        var heading = DryRunReportView.section("Decisions: " + p.approvals().size() + " of " + p.approvalsRequired()
                + " approvals" + (p.state() == ProposalState.OPEN && p.approvalsMissing() > 0
                ? " · waiting for " + p.approvalsMissing() + " more" : ""));
        box.getChildren().add(heading);
        if (p.decisions().isEmpty()) {
            var none = new Label(p.approvalsRequired() > 1
                    ? "No decision yet. Two different people must approve (two-person rule)."
                    : "No decision yet.");
            none.getStyleClass().add("hint");
            box.getChildren().add(none);
        }
        for (Decision d : p.decisions()) {
            var line = new Label((d.kind() == DecisionKind.APPROVE ? "✔ Approved by " : "✖ Rejected by ") + d.who()
                    + " · \"" + d.reason() + "\"" + (d.overriddenChecks().isEmpty() ? ""
                    : " · overrode " + String.join(", ", d.overriddenChecks())) + " · signed, v"
                    + d.proposalVersion());
            line.setWrapText(true);
            line.getStyleClass().add("decision-" + d.kind().name().toLowerCase(Locale.ROOT));
            box.getChildren().add(line);
        }
        return box;
    }
}
