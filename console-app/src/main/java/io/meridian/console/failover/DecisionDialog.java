package io.meridian.console.failover;

import io.meridian.model.failover.DecisionKind;
import io.meridian.model.failover.Proposal;
import java.util.Objects;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The approve or reject dialog. It states what the decision does and who else has approved, asks for the reason
 * (Alt+R), for an approval the name of the replica to promote (Alt+T) and a tick per WARN override; Enter sends when
 * everything is there, Escape cancels. The dialog stays open while the backend answers and shows its refusal in its
 * own words; it closes once the decision is recorded.
 */
final class DecisionDialog extends Dialog<Void> {
    DecisionDialog(Window owner, DecisionDialogViewModel vm) {
        initOwner(owner);
        var p = vm.reviewed();
        boolean approving = vm.kind() == DecisionKind.APPROVE;
        setTitle((approving ? "Approve" : "Reject") + " failover of " + p.clusterId());
        setHeaderText((approving ? "Approve promoting " : "Reject promoting ") + p.candidateId() + " to primary of "
                + p.clusterId());
        var pane = getDialogPane();
        pane.setId("decision-dialog");
        pane.getStylesheets().addAll(owner.getScene().getStylesheets());
        pane.getStylesheets().add(FailoverPane.STYLESHEET);
        pane.getStyleClass().add("failover-dialog");

        var content = new VBox(10);
        content.setPrefWidth(620);
        content.getChildren().addAll(
                wrapped("Signing as " + ActingIdentitySwitcher.describe(vm.who()) + " with their Ed25519 key, on "
                        + "version " + p.version() + " of the proposal.", "dialog-signer"),
                wrapped(summary(p), "dialog-summary"),
                wrapped(vm.approvedSoFar(), "dialog-approvals"),
                wrapped(vm.stillNeeded(), "dialog-needed"));
        for (var override : vm.overrides()) {
            var tick = new CheckBox(override.text());
            tick.setWrapText(true);
            tick.getStyleClass().add("override-tick");
            tick.selectedProperty().bindBidirectional(override.ticked());
            content.getChildren().add(tick);
        }
        var reason = new TextField();
        reason.setId("decision-reason");
        reason.setPromptText(approving ? "e.g. primary confirmed dead, INC-4411" : "e.g. primary is recovering");
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        content.getChildren().addAll(labelFor("_Reason (required, signed and audited)", reason), reason);
        if (vm.asksForTarget()) {
            var target = new TextField();
            target.setId("decision-target");
            target.setPromptText("the replica's name, typed");
            target.textProperty().bindBidirectional(vm.typedTargetProperty());
            content.getChildren().addAll(labelFor("_Type the name of the replica to promote, " + p.candidateId()
                    + ", to confirm", target), target);
        }
        var whyNot = wrapped("", "command-why");
        whyNot.textProperty().bind(vm.whyNotProperty());
        var error = wrapped("", "dialog-error");
        error.setId("decision-error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        content.getChildren().addAll(whyNot, error);
        pane.setContent(content);

        var send = new ButtonType(approving ? "_Approve" : "_Reject", ButtonBar.ButtonData.OK_DONE);
        pane.getButtonTypes().addAll(send, ButtonType.CANCEL);
        var sendButton = (Button) pane.lookupButton(send);
        sendButton.setId("decision-send");
        sendButton.getStyleClass().add(approving ? "approve-button" : "reject-button");
        sendButton.disableProperty().bind(vm.canSubmitProperty().not());
        sendButton.setDefaultButton(true);
        sendButton.setMinWidth(Region.USE_PREF_SIZE);
        // The dialog closes when the backend has recorded the decision, not when the button is pressed.
        sendButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            vm.submit();
        });
        vm.doneProperty().addListener((obs, old, done) -> {
            if (done) {
                setResult(null);
                close();
            }
        });
        ((Button) pane.lookupButton(ButtonType.CANCEL)).disableProperty().bind(vm.busyProperty());
        setOnShown(e -> reason.requestFocus());
    }

    private static String summary(Proposal p) {
        var r = p.dryRun();
        var loss = r.dataLossKnown() ? FailoverText.duration(r.estimatedDataLoss()) + " of writes"
                : "UNKNOWN (the lag figure is frozen)";
        return "Dry run: " + FailoverText.verdict(r.verdict()) + " · estimated data loss " + loss + " (RPO target "
                + FailoverText.duration(r.rpoTarget()) + ") · estimated RTO " + FailoverText.duration(r.estimatedRto())
                + " (target " + FailoverText.duration(r.rtoTarget()) + ")";
    }

    private static Label labelFor(String text, Node field) {
        var label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(Objects.requireNonNull(field));
        label.getStyleClass().add("field-label");
        return label;
    }

    private static Label wrapped(String text, String styleClass) {
        var label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
