package io.meridian.console.drill;

import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Drill mode on every screen: while a drill runs, the window's frame turns the drill colour (the {@code :drill}
 * pseudo-class on the window's root) and a striped banner says so on top, whichever tab is shown. Colour and words
 * both, never colour alone.
 */
public final class DrillMode {
    /** The drill violet, for what is drawn rather than styled (the map's markers): -meridian-drill in drill.css. */
    public static final Color VIOLET = Color.web("#a371f7");
    private static final PseudoClass DRILL = PseudoClass.getPseudoClass("drill");
    static final String STYLESHEET = Objects.requireNonNull(DrillMode.class.getResource("drill.css"))
            .toExternalForm();

    private DrillMode() {
    }

    /** Puts the frame on {@code root} and returns the banner to place on top. */
    public static Label apply(Region root, DrillViewModel drills) {
        root.getStylesheets().add(STYLESHEET);
        drills.activeProperty().addListener((obs, was, active) -> root.pseudoClassStateChanged(DRILL, active));
        var banner = new Label();
        banner.setId("drill-banner");
        banner.getStyleClass().add("drill-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(drills.bannerProperty());
        banner.visibleProperty().bind(drills.activeProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
