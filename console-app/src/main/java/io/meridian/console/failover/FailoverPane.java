package io.meridian.console.failover;

import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The failover screen: a header (stream state, who the console acts as, "Request switchover"), the outcome of the
 * last command, and the proposals queue beside the selected proposal. Its stylesheet sits beside it.
 */
public final class FailoverPane extends BorderPane {
    /** The screen's stylesheet; its dialogs use it too. */
    static final String STYLESHEET = Objects.requireNonNull(FailoverPane.class.getResource("failover.css"))
            .toExternalForm();
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private final ProposalListView list;

    public FailoverPane(FailoverViewModel viewModel) {
        setId("failover-pane");
        getStyleClass().add("failover-pane");
        getStylesheets().add(STYLESHEET);

        var title = new Label("Failover");
        title.getStyleClass().add("failover-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        var stream = new Label();
        stream.setId("proposal-stream");
        stream.getStyleClass().add("proposal-stream");
        stream.textProperty().bind(viewModel.streamTextProperty().map(s -> "Proposals: " + s));
        stream.setMinWidth(80);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var request = new Button("Request _switchover…");
        request.setId("switchover-button");
        request.setMinWidth(Region.USE_PREF_SIZE);
        request.setOnAction(e -> viewModel.switchoverDialog()
                .ifPresent(vm -> new SwitchoverDialog(getScene().getWindow(), vm).showAndWait()));
        var header = new HBox(16, title, stream, spacer, new ActingIdentitySwitcher(viewModel),
                CommandButtons.bound(request, viewModel.switchoverProperty(), viewModel.busyProperty()));
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("failover-header");

        var message = new Label();
        message.setId("failover-message");
        message.getStyleClass().add("failover-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        viewModel.messageIsErrorProperty().addListener((obs, old, error) ->
                message.pseudoClassStateChanged(ERROR, error));

        list = new ProposalListView(viewModel);
        var detail = new ProposalDetailView(viewModel);
        var split = new SplitPane(list, detail);
        split.setDividerPositions(0.27);
        SplitPane.setResizableWithParent(list, false);

        var top = new VBox(header, message);
        top.setPadding(new Insets(10, 14, 6, 14));
        top.setSpacing(6);
        setTop(top);
        setCenter(split);
    }

    /** Puts the keyboard in the queue, e.g. when the screen is opened with its accelerator. */
    public void focusQueue() {
        list.requestFocus();
        if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
    }
}
