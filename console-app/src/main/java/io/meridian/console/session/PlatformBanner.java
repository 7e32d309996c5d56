package io.meridian.console.session;

import javafx.scene.control.Label;

/**
 * The permanent banner that says what the console is connected to: "SIMULATED …" on hazard stripes for a simulated
 * backend, so nobody mistakes a demo for production, and a quiet "LIVE · platform" line otherwise.
 */
public final class PlatformBanner extends Label {
    public PlatformBanner(ConnectionViewModel connection) {
        setId("platform-banner");
        getStyleClass().add("platform-banner");
        setMaxWidth(Double.MAX_VALUE);
        textProperty().bind(connection.platformTextProperty());
        visibleProperty().bind(textProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());
        connection.simulatedProperty().addListener((obs, old, simulated) -> {
            getStyleClass().removeAll("simulated", "live");
            getStyleClass().add(simulated ? "simulated" : "live");
        });
    }
}
