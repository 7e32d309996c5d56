package io.meridian.console.session;

import io.meridian.console.topology.TopologyViewModel;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom bar: connection state, data freshness, backend identity, round trip, scenario, and who we are. */
public final class StatusBarView extends HBox {
    public StatusBarView(ConnectionViewModel connection, TopologyViewModel topology) {
        super(10);
        setId("status-bar");
        getStyleClass().add("status-bar");

        var state = label("connection-state", connection.stateTextProperty());
        state.getStyleClass().add("connection-state");
        connection.stateProperty().addListener((obs, old, now) -> {
            state.getStyleClass().removeIf(c -> c.startsWith("state-"));
            state.getStyleClass().add("state-" + now.name().toLowerCase(Locale.ROOT));
        });
        state.getStyleClass().add("state-connecting");
        // A long reconnect reason may shorten (with an ellipsis and a tooltip), never push the window wider.
        state.setMinWidth(160);
        state.tooltipProperty().set(new javafx.scene.control.Tooltip());
        state.getTooltip().textProperty().bind(connection.stateTextProperty());
        var freshness = label("freshness", topology.freshnessTextProperty());
        topology.staleProperty().addListener((obs, old, stale) -> freshness.pseudoClassStateChanged(
                PseudoClass.getPseudoClass("stale"), stale));
        var scenario = label("scenario", connection.scenarioTextProperty());
        scenario.setMinWidth(80);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var notice = shrinkable(label("backend-notice", connection.noticeTextProperty()));
        notice.getStyleClass().add("backend-notice");
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        getChildren().addAll(state, new Separator(Orientation.VERTICAL), freshness, notice, spacer,
                scenario,
                new Separator(Orientation.VERTICAL),
                shrinkable(label("backend-identity", connection.backendTextProperty())),
                label("latency", connection.latencyTextProperty()),
                new Separator(Orientation.VERTICAL),
                label("caller", connection.callerTextProperty()));
    }

    private static Label shrinkable(Label label) {
        label.setMinWidth(120);
        return label;
    }

    private static Label label(String id, ObservableValue<String> text) {
        var label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
