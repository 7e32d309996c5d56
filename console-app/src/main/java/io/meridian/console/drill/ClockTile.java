package io.meridian.console.drill;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** One drill clock: name, a large time, the target with a glyph for its level, and a caption. */
final class ClockTile extends VBox {
    private static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");

    private final Label name = new Label();
    private final Label time = new Label();
    private final Label target = new Label();
    private final Label caption = new Label();

    ClockTile() {
        getStyleClass().add("clock-tile");
        name.getStyleClass().add("clock-name");
        time.getStyleClass().add("clock-time");
        target.getStyleClass().add("clock-target");
        caption.getStyleClass().add("clock-caption");
        caption.setWrapText(true);
        setAlignment(Pos.TOP_LEFT);
        // The grid gives every clock the same width; a long caption wraps instead of widening its tile.
        setMinWidth(0);
        getChildren().addAll(name, time, target, caption);
    }

    void show(ClockFigure f) {
        name.setText(f.name().toUpperCase(java.util.Locale.ROOT));
        time.setText(DrillText.clock(f.value()));
        target.setText(f.target() == null ? "no target" : f.level().glyph() + "  target "
                + DrillText.clock(f.target()));
        caption.setText(f.caption());
        getStyleClass().removeIf(c -> c.startsWith("clock-") && !c.equals("clock-tile"));
        getStyleClass().add(f.level().styleClass());
        pseudoClassStateChanged(RUNNING, f.running());
    }
}
