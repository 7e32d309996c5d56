package io.meridian.console.audit;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Look up a query id: the entry field by field, and its inclusion proof checked against the verified checkpoint. */
final class LookupPane extends VBox {
    LookupPane(LookupViewModel viewModel) {
        super(10);
        getStyleClass().add("audit-pane");

        var title = new Label("Look up a query id");
        title.getStyleClass().add("audit-title");
        var queryId = new TextField();
        queryId.setId("query-id");
        queryId.setPromptText("a query id from an incident report or a log line");
        queryId.textProperty().bindBidirectional(viewModel.queryIdTextProperty());
        queryId.setOnAction(e -> viewModel.lookUp());
        HBox.setHgrow(queryId, Priority.ALWAYS);
        var label = new Label("_Query id");
        label.setMnemonicParsing(true);
        label.setLabelFor(queryId);
        var lookUp = new Button("Look _up");
        lookUp.setId("look-up");
        lookUp.getStyleClass().add("accent");
        lookUp.disableProperty().bind(viewModel.canLookUpProperty().not());
        lookUp.setOnAction(e -> viewModel.lookUp());
        var inputs = new HBox(8, label, queryId, lookUp);
        inputs.setAlignment(Pos.CENTER_LEFT);

        var result = new Label();
        result.setId("lookup-result");
        result.getStyleClass().add("audit-result");
        result.setWrapText(true);
        result.textProperty().bind(viewModel.resultTextProperty());
        viewModel.stateProperty().subscribe(state -> AuditStyles.applyLookup(result, state));

        var fields = new ListView<>(viewModel.fields());
        fields.setId("lookup-fields");
        fields.getStyleClass().add("audit-fields");
        fields.setPlaceholder(new Label("The entry appears here"));
        fields.setCellFactory(list -> new FieldCell());
        fields.setPrefHeight(120);
        VBox.setVgrow(fields, Priority.ALWAYS);

        var proofTitle = new Label("Inclusion proof (RFC 9162), from the leaf up");
        proofTitle.getStyleClass().add("audit-subtitle");
        var proof = new TextArea();
        proof.setId("lookup-proof");
        proof.getStyleClass().add("audit-proof");
        proof.setEditable(false);
        proof.setPrefRowCount(6);
        proof.setMinHeight(Region.USE_PREF_SIZE);
        proof.textProperty().bind(viewModel.proofTextProperty());

        result.setMinHeight(Region.USE_PREF_SIZE);
        lookUp.setMinWidth(Region.USE_PREF_SIZE);
        label.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(title, inputs, result, fields, proofTitle, proof);
    }

    /** A field's name, muted, beside its value, selectable by keyboard like any list. */
    private static final class FieldCell extends ListCell<LookupViewModel.Field> {
        private final Label name = new Label();
        private final Label value = new Label();
        private final HBox box = new HBox(12, name, value);

        FieldCell() {
            name.getStyleClass().add("audit-field-name");
            value.getStyleClass().add("audit-field-value");
        }

        @Override
        protected void updateItem(LookupViewModel.Field field, boolean empty) {
            super.updateItem(field, empty);
            if (empty || field == null) {
                setGraphic(null);
                return;
            }
            name.setText(field.name());
            value.setText(field.value());
            setGraphic(box);
        }
    }
}
