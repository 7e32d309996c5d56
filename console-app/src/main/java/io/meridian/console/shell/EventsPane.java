package io.meridian.console.shell;

import io.meridian.console.telemetry.AlertsView;
import io.meridian.console.telemetry.AnomaliesView;
import io.meridian.console.telemetry.TelemetryViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The alert list and the backend anomalies, as two tabs whose titles count their entries. */
final class EventsPane extends TabPane {
    EventsPane(TelemetryViewModel telemetry) {
        var alerts = new Tab();
        alerts.setContent(new AlertsView(telemetry.alerts()));
        alerts.textProperty().bind(Bindings.size(telemetry.alerts().rows()).asString("Alerts (%d)"));
        var anomalies = new Tab();
        anomalies.setContent(new AnomaliesView(telemetry));
        anomalies.textProperty().bind(Bindings.size(telemetry.anomalies()).asString("Backend anomalies (%d)"));
        getTabs().addAll(alerts, anomalies);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        setId("events-pane");
    }
}
