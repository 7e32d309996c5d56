package io.meridian.console.failover;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * Binds a button to a command's {@link Availability}: disabled when refused, with the reason as its tooltip. A
 * disabled control shows no tooltip in JavaFX, so the tooltip sits on a wrapper around the button, which stays
 * hoverable; the screen also shows the reason in a visible line, for keyboard users and the room.
 */
final class CommandButtons {
    private CommandButtons() {
    }

    /** The button, wrapped; {@code busy} disables it too, while an RPC runs. */
    static StackPane bound(Button button, ObservableValue<Availability> availability,
                           ObservableValue<Boolean> busy) {
        button.setMnemonicParsing(true);
        button.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !availability.getValue().allowed() || busy.getValue(), availability, busy));
        var wrapper = new StackPane(button);
        var tooltip = new Tooltip();
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        tooltip.textProperty().bind(Bindings.createStringBinding(() -> availability.getValue().allowed()
                ? button.getText().replace("_", "") : availability.getValue().why(), availability));
        Tooltip.install(wrapper, tooltip);
        return wrapper;
    }
}
