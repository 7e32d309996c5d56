package io.meridian.console.failover;

import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Replica;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Requesting a planned switchover, with the two actions named for what they do: "Meridian picks the best
 * candidate" (Alt+M) and "You pick this replica (with the stated risk)" (Alt+Y). Either opens a proposal with a dry
 * run that still needs its approvals; nothing is promoted by this dialog.
 */
final class SwitchoverDialog extends Dialog<Void> {
    SwitchoverDialog(Window owner, SwitchoverDialogViewModel vm) {
        initOwner(owner);
        setTitle("Request a planned switchover");
        setHeaderText("Hand a healthy primary over to a standby");
        var pane = getDialogPane();
        pane.setId("switchover-dialog");
        pane.getStylesheets().addAll(owner.getScene().getStylesheets());
        pane.getStylesheets().add(FailoverPane.STYLESHEET);
        pane.getStyleClass().add("failover-dialog");
        pane.setMinWidth(Region.USE_PREF_SIZE);

        var cluster = new ComboBox<Cluster>(vm.clusters());
        cluster.setId("switchover-cluster");
        cluster.valueProperty().bindBidirectional(vm.clusterProperty());
        cluster.setCellFactory(list -> new Cell<>(c -> c.displayName() + " (" + c.id() + ")"));
        cluster.setButtonCell(new Cell<>(c -> c.displayName() + " (" + c.id() + ")"));
        var replica = new ComboBox<Replica>(vm.replicas());
        replica.setId("switchover-replica");
        replica.valueProperty().bindBidirectional(vm.replicaProperty());
        replica.setCellFactory(list -> new Cell<>(r -> r.id() + " · " + r.regionId()));
        replica.setButtonCell(new Cell<>(r -> r.id() + " · " + r.regionId()));
        replica.setPromptText("only for \"You pick this replica\"");
        var reason = new TextField();
        reason.setId("switchover-reason");
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        reason.setPromptText("e.g. kernel patching on the primary's host, CHG-2211");
        var whyNot = new Label();
        whyNot.setWrapText(true);
        whyNot.getStyleClass().add("command-why");
        whyNot.textProperty().bind(vm.whyNotProperty());
        var error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add("dialog-error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        var explain = new Label("The old primary is fenced only after the candidate caught up, so nothing is lost; "
                + "the proposal opened here still needs its approvals before anything is promoted.\n"
                + "Meridian picks the best candidate: the dry run ranks the standbys by health, lag, "
                + "tier and capacity and proposes the first eligible one.\nYou pick this replica: the proposal "
                + "promotes the standby you chose, whatever its rank; its dry run states the risk (data loss, RTO, "
                + "policy checks) before anyone approves.");
        explain.setWrapText(true);
        explain.getStyleClass().add("hint");
        var content = new VBox(8, labelFor("_Cluster", cluster), cluster, labelFor("R_eason (required)", reason),
                reason, labelFor("Re_plica (for \"You pick this replica\")", replica), replica, explain, whyNot,
                error);
        content.setPrefWidth(720);
        pane.setContent(content);

        var best = new ButtonType("_Meridian picks the best candidate", ButtonBar.ButtonData.OK_DONE);
        var chosen = new ButtonType("_You pick this replica (with the stated risk)", ButtonBar.ButtonData.OTHER);
        pane.getButtonTypes().addAll(best, chosen, ButtonType.CANCEL);
        action(pane.lookupButton(best), "switchover-best", vm.canRequestBestProperty().not(),
                vm::requestBestCandidate);
        action(pane.lookupButton(chosen), "switchover-chosen", vm.canRequestChosenProperty().not(),
                vm::requestChosenReplica);
        ((Button) pane.lookupButton(ButtonType.CANCEL)).disableProperty().bind(vm.busyProperty());
        vm.doneProperty().addListener((obs, old, done) -> {
            if (done) {
                setResult(null);
                close();
            }
        });
        setOnShown(e -> cluster.requestFocus());
    }

    private static void action(Node node, String id, ObservableValue<Boolean> disabled,
                               Runnable command) {
        var button = (Button) node;
        button.setId(id);
        // The labels say what happens; they must never be cut short.
        button.setMinWidth(Region.USE_PREF_SIZE);
        ButtonBar.setButtonUniformSize(button, false);
        button.disableProperty().bind(disabled);
        button.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            command.run();
        });
    }

    private static Label labelFor(String text, Node field) {
        var label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static final class Cell<T> extends ListCell<T> {
        private final Function<T, String> text;

        Cell(Function<T, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
        }
    }
}
