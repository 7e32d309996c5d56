package io.meridian.console.drill;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The report's part of the drill screen: a table of measures (what, measured, target, result) with the reason under
 * a failed one, who decided what, and the audit record. The figures keep their full text; the measure's name and
 * the notes wrap, so the table fits a narrow pane without scrolling sideways.
 */
final class MeasuresPane extends ScrollPane {
    private final GridPane grid = new GridPane();

    MeasuresPane(DrillViewModel model) {
        grid.getStyleClass().add("drill-measures");
        grid.setHgap(14);
        grid.setVgap(3);
        var name = new ColumnConstraints();
        name.setHgrow(Priority.ALWAYS);
        name.setMinWidth(90);
        var figure = new ColumnConstraints();
        figure.setMinWidth(Region.USE_PREF_SIZE);
        var result = new ColumnConstraints();
        result.setMinWidth(Region.USE_PREF_SIZE);
        result.setHalignment(HPos.LEFT);
        grid.getColumnConstraints().setAll(name, figure, figure, result);
        model.measures().addListener((ListChangeListener<MeasureRow>) c -> show(model.measures()));

        var decided = new Label();
        decided.getStyleClass().add("drill-decisions");
        decided.setWrapText(true);
        decided.textProperty().bind(model.decisionsProperty());
        var audit = new Label();
        audit.getStyleClass().add("drill-audit");
        audit.setWrapText(true);
        audit.textProperty().bind(model.auditProperty());
        var box = new VBox(8, grid, decided, audit);
        box.setPadding(new Insets(4));
        setContent(box);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    private void show(List<MeasureRow> rows) {
        grid.getChildren().clear();
        if (rows.isEmpty()) {
            return;
        }
        int row = 0;
        grid.addRow(row++, heading("MEASURE"), heading("MEASURED"), heading("TARGET"), heading("RESULT"));
        for (var r : rows) {
            var label = new Label(r.label());
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            var verdict = figure(r.verdict());
            verdict.getStyleClass().addAll("measure-verdict", r.styleClass());
            verdict.setTooltip(new Tooltip(r.note()));
            grid.addRow(row++, label, figure(r.measured()), figure(r.target()), verdict);
            if (r.styleClass().equals("measure-fail")) {
                var note = new Label(r.note());
                note.getStyleClass().add("measure-note");
                note.setWrapText(true);
                note.setMinHeight(Region.USE_PREF_SIZE);
                grid.add(note, 0, row++, 4, 1);
            }
        }
    }

    private static Label heading(String text) {
        var l = figure(text);
        l.getStyleClass().add("measure-heading");
        return l;
    }

    /** A label that keeps its full text: the report's figures are never cut to "...". */
    private static Label figure(String text) {
        var l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
