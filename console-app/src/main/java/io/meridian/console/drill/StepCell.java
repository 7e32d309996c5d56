package io.meridian.console.drill;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A runbook step: glyph; number, title and status flowing as one heading (the status goes under the title when the
 * list is narrow); the text of what to do next (or what happened); and the confirm button of a step that waits for
 * its person. Everything wraps to the list's width: the list never scrolls sideways.
 */
final class StepCell extends ListCell<StepRow> {
    /** Glyph column, gaps, the cell's padding and a vertical scroll bar. */
    private static final double BESIDE_TEXT = 64;

    private final Consumer<StepRow> confirm;
    private final DoubleBinding textWidth;

    StepCell(ListView<StepRow> list, Consumer<StepRow> confirm) {
        this.confirm = confirm;
        textWidth = Bindings.createDoubleBinding(() -> Math.max(120, list.getWidth() - BESIDE_TEXT),
                list.widthProperty());
        // Sized by the list, not by its text: a long line wraps instead of widening the cell.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(StepRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeIf(c -> c.startsWith("step-"));
        setText(null);
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        getStyleClass().add(row.styleClass());
        var glyph = new Label(row.glyph());
        glyph.getStyleClass().add("step-glyph");
        var title = new Text(row.number() + ". " + row.title() + "   ");
        title.getStyleClass().add("step-title");
        // Non-breaking spaces keep "RUNNING · EXPECT" on one line when it wraps under the title.
        var status = new Text(row.status().toUpperCase(Locale.ROOT).replace(' ', '\u00a0'));
        status.getStyleClass().add("step-status");
        var heading = new TextFlow(title, status);
        heading.getStyleClass().add("step-heading");
        heading.prefWidthProperty().bind(textWidth);
        heading.maxWidthProperty().bind(textWidth);
        heading.setMinHeight(Region.USE_PREF_SIZE);
        var text = new Label(row.text());
        text.getStyleClass().add("step-text");
        text.setWrapText(true);
        text.prefWidthProperty().bind(textWidth);
        text.maxWidthProperty().bind(textWidth);
        text.setMinHeight(Region.USE_PREF_SIZE);
        var body = new VBox(3, heading, text);
        if (row.waiting()) {
            var button = new Button("Confirm as " + row.confirmBy() + "…");
            button.setId("drill-confirm-" + row.id());
            button.getStyleClass().add("accent");
            button.setOnAction(e -> confirm.accept(row));
            body.getChildren().add(button);
        }
        setGraphic(new HBox(10, glyph, body));
    }
}
