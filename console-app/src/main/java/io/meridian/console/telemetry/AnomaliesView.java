package io.meridian.console.telemetry;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * What the backend sent that the console refused to show (an impossible figure, an unknown id), one line per key
 * with how often and when last, so the operator knows why a figure is missing or greyed.
 */
public final class AnomaliesView extends ListView<Anomaly> {
    public AnomaliesView(TelemetryViewModel viewModel) {
        super(viewModel.anomalies());
        setId("anomaly-list");
        getStyleClass().add("anomaly-list");
        setPlaceholder(new Label("The backend has sent nothing implausible"));
        setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Anomaly anomaly, boolean empty) {
                super.updateItem(anomaly, empty);
                setWrapText(true);
                setPrefWidth(0);
                setText(empty || anomaly == null ? null : "⚠ Backend sent " + anomaly.what() + " · ×" + anomaly.count()
                        + " · last " + AlertRow.TIME.format(anomaly.lastSeen()));
            }
        });
    }
}
