package io.meridian.console.failover;

import io.meridian.client.ActingIdentity;
import io.meridian.model.session.Role;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * "Acting as: <name> (<role>)". With a demo team it is a switcher (Alt+I), so one person can play two operators
 * for the two-person rule, and a DEMO badge says that these are not real people; with real credentials it is a
 * plain label; without a signing key it says the console only watches.
 */
final class ActingIdentitySwitcher extends HBox {
    ActingIdentitySwitcher(FailoverViewModel viewModel) {
        super(8);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("acting-identity");
        var label = new Label("Acting as:");
        label.getStyleClass().add("acting-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().add(label);
        var choices = viewModel.identityChoices();
        if (viewModel.demoIdentities()) {
            var combo = new ComboBox<ActingIdentity>();
            combo.setId("acting-identity");
            combo.getItems().setAll(choices);
            combo.setButtonCell(new IdentityCell("anonymous viewer: choose who you are"));
            combo.setCellFactory(list -> new IdentityCell(""));
            combo.valueProperty().bindBidirectional(viewModel.actingProperty());
            label.setText("Act_ing as:");
            label.setMnemonicParsing(true);
            label.setLabelFor(combo);
            var badge = new Label("DEMO IDENTITIES");
            badge.getStyleClass().add("demo-badge");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            combo.setMinWidth(Region.USE_PREF_SIZE);
            getChildren().addAll(combo, badge);
        } else {
            var who = new Label();
            who.setId("acting-identity");
            who.getStyleClass().add("acting-name");
            who.textProperty().bind(viewModel.actingProperty().map(ActingIdentitySwitcher::describe)
                    .orElse("nobody: this console has no signing key and only watches"));
            getChildren().add(who);
        }
    }

    static String describe(ActingIdentity who) {
        var roles = who.roles().stream().sorted().map(Role::label).collect(Collectors.joining(", "));
        return who.displayName() + " (" + (roles.isEmpty() ? "no role" : roles) + ")";
    }

    private static final class IdentityCell extends ListCell<ActingIdentity> {
        private final String nobody;

        IdentityCell(String nobody) {
            this.nobody = nobody;
        }

        @Override
        protected void updateItem(ActingIdentity item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? nobody : describe(item));
        }
    }
}
