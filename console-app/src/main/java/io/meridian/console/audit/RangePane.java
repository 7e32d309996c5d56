package io.meridian.console.audit;

import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Verify a range (progress, rate, ETA, cancel; the findings by class and entry) and export it as an evidence bundle.
 * Keyboard: Enter in a range field verifies, Escape cancels, and every button has a mnemonic.
 */
final class RangePane extends VBox {
    RangePane(RangeViewModel viewModel) {
        super(10);
        getStyleClass().add("audit-pane");

        var title = new Label("Verify a range of the log");
        title.getStyleClass().add("audit-title");
        var hint = new Label("Entries are numbered from 0. Leave a field blank for the start of the log or the last "
                + "entry of the latest verified checkpoint.");
        hint.getStyleClass().add("audit-hint");
        hint.setWrapText(true);

        var first = field("first-entry", "0", viewModel.firstTextProperty());
        var last = field("last-entry", "latest", viewModel.lastTextProperty());
        var firstLabel = new Label("_First entry");
        firstLabel.setMnemonicParsing(true);
        firstLabel.setLabelFor(first);
        var lastLabel = new Label("_Last entry");
        lastLabel.setMnemonicParsing(true);
        lastLabel.setLabelFor(last);

        var verify = new Button("_Verify range");
        verify.setId("verify-range");
        verify.getStyleClass().add("accent");
        verify.disableProperty().bind(viewModel.canVerifyProperty().not());
        verify.setOnAction(e -> viewModel.verify());
        var whole = new Button("Verify _whole log");
        whole.setId("verify-whole-log");
        whole.disableProperty().bind(viewModel.canVerifyProperty().not());
        whole.setOnAction(e -> viewModel.verifyWholeLog());
        var cancel = new Button("_Cancel");
        cancel.setId("cancel-verification");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        for (var f : new TextField[] {first, last}) {
            f.setOnAction(e -> viewModel.verify());
        }
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && viewModel.runningProperty().get()) {
                viewModel.cancel();
                e.consume();
            }
        });
        var inputs = new HBox(8, firstLabel, first, lastLabel, last);
        inputs.setAlignment(Pos.CENTER_LEFT);
        var commands = new HBox(8, verify, whole, cancel);
        for (var fixed : List.of(verify, whole, cancel, firstLabel, lastLabel)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }

        var bar = new ProgressBar();
        bar.setId("verification-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setMinHeight(Region.USE_PREF_SIZE);
        bar.progressProperty().bind(viewModel.progressProperty());
        var progress = new Label();
        progress.setId("verification-progress-text");
        progress.getStyleClass().add("audit-figure");
        progress.textProperty().bind(viewModel.progressTextProperty());
        var result = new Label();
        result.setId("verification-result");
        result.getStyleClass().add("audit-result");
        result.setWrapText(true);
        result.textProperty().bind(viewModel.resultTextProperty());
        viewModel.stateProperty().subscribe(state -> AuditStyles.applyRange(result, state));

        var findings = findingsTable(viewModel);
        // The table takes the room left, and gives it up first when the window is short.
        findings.setPrefHeight(120);
        VBox.setVgrow(findings, Priority.ALWAYS);

        var export = new Button("_Export evidence bundle…");
        export.setId("export-bundle");
        export.disableProperty().bind(viewModel.exportingProperty());
        export.setTooltip(new Tooltip("Writes the range (the complete log when both fields are blank) as a bundle "
                + "anyone can verify offline with meridian verify-bundle"));
        export.setOnAction(e -> {
            var chooser = new FileChooser();
            chooser.setTitle("Export evidence bundle");
            chooser.setInitialFileName("audit-evidence.json");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Evidence bundle (JSON)", "*.json"));
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                viewModel.export(file.toPath());
            }
        });
        var exportText = new Label();
        exportText.setId("export-result");
        exportText.setWrapText(true);
        exportText.getStyleClass().add("audit-hint");
        exportText.textProperty().bind(viewModel.exportTextProperty());
        viewModel.exportFailedProperty().subscribe(failed -> exportText.pseudoClassStateChanged(AuditStyles.BAD,
                failed));
        var exportRow = new HBox(10, export, exportText);
        exportRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(exportText, Priority.ALWAYS);

        for (var label : List.of(hint, result, exportText)) {
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        export.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(title, hint, inputs, commands, bar, progress, result, findings, exportRow);
    }

    private static TextField field(String id, String prompt, StringProperty text) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(9);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    private static TableView<FindingRow> findingsTable(RangeViewModel viewModel) {
        var table = new TableView<>(viewModel.findings());
        table.setId("findings");
        table.getStyleClass().add("audit-findings");
        table.setPlaceholder(new Label("No findings"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        var tamperClass = column("Tamper class", r -> "✖ " + r.tamperClass(), 240);
        var entry = column("Entry", FindingRow::entry, 90);
        var message = column("What was seen", FindingRow::message, 400);
        table.getColumns().setAll(List.of(tamperClass, entry, message));
        table.setRowFactory(t -> {
            var row = new TableRow<FindingRow>();
            row.itemProperty().subscribe(item -> row.setTooltip(item == null ? null
                    : new Tooltip(item.tamperClass() + ": " + item.meaning())));
            return row;
        });
        return table;
    }

    private static TableColumn<FindingRow, String> column(String title, Function<FindingRow, String> value, double width) {
        var column = new TableColumn<FindingRow, String>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
