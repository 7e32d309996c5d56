package io.meridian.console.telemetry;

import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The alert list: severity (glyph and word), what happened, when, whether it is still active, and an Acknowledge
 * button that records who acknowledged. The cell only binds to its {@link AlertRow}.
 */
public final class AlertsView extends ListView<AlertRow> {
    public AlertsView(AlertsViewModel viewModel) {
        super(viewModel.rows());
        setId("alert-list");
        getStyleClass().add("alert-list");
        setPlaceholder(new Label("No alerts"));
        setCellFactory(list -> new Cell(viewModel, this));
    }

    private static final class Cell extends ListCell<AlertRow> {
        private final Label severity = new Label();
        private final Label what = new Label();
        private final Label when = new Label();
        private final Button acknowledge = new Button("Acknowledge");
        private final VBox box;
        private final InvalidationListener restyle = o -> restyle();

        Cell(AlertsViewModel viewModel, ListView<AlertRow> list) {
            severity.getStyleClass().add("alert-severity");
            what.getStyleClass().add("alert-what");
            what.setWrapText(true);
            when.getStyleClass().add("alert-when");
            when.setWrapText(true);
            acknowledge.getStyleClass().add("alert-ack");
            acknowledge.setOnAction(e -> {
                if (getItem() != null) {
                    viewModel.acknowledge(getItem());
                }
            });
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var top = new HBox(8, severity, spacer, acknowledge);
            top.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(2, top, what, when);
            // Wrapped labels need a width to wrap at: the list's, less its padding and scroll bar.
            for (var label : new Label[] {what, when}) {
                label.prefWidthProperty().bind(list.widthProperty().subtract(40));
                label.setMinHeight(Region.USE_PREF_SIZE);
            }
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(AlertRow row, boolean empty) {
            var previous = getItem();
            if (previous != null) {
                previous.severityProperty().removeListener(restyle);
                previous.activeProperty().removeListener(restyle);
            }
            super.updateItem(row, empty);
            severity.textProperty().unbind();
            what.textProperty().unbind();
            when.textProperty().unbind();
            acknowledge.disableProperty().unbind();
            if (empty || row == null) {
                setGraphic(null);
                restyle();
                return;
            }
            severity.textProperty().bind(row.severityProperty().map(s -> s.glyph() + " " + s.label()));
            what.textProperty().bind(row.whatProperty());
            when.textProperty().bind(row.stateTextProperty().map(state -> row.raisedAtText() + " · " + state)
                    .flatMap(prefix -> row.acknowledgementProperty().map(ack -> prefix + " · " + ack)));
            acknowledge.disableProperty().bind(row.acknowledgedProperty());
            row.severityProperty().addListener(restyle);
            row.activeProperty().addListener(restyle);
            restyle();
            setGraphic(box);
        }

        private void restyle() {
            getStyleClass().removeAll("severity-warning", "severity-critical", "alert-cleared");
            var row = getItem();
            if (row == null || isEmpty()) {
                return;
            }
            getStyleClass().add(row.severityProperty().get() == Severity.CRITICAL ? "severity-critical"
                    : "severity-warning");
            if (!row.activeProperty().get()) {
                getStyleClass().add("alert-cleared");
            }
        }
    }
}
