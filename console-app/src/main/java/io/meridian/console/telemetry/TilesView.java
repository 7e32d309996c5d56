package io.meridian.console.telemetry;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.paint.Color;

/**
 * The row of headline tiles (TilesFX) above the map. Each tile names what it measures, shows the value, its detail
 * and state (a glyph and a word, not colour alone) and, at the bottom, the target. The tiles copy the view-model's
 * figures when the pulse replaces them; nothing else updates them. A stale tile greys its value and says its age.
 */
public final class TilesView extends HBox {
    private static final Color BACKGROUND = Color.web("#161b22");
    private static final Color TITLE = Color.web("#e6edf3");
    private static final Color MUTED = Color.web("#9da7b3");
    private static final Color OK = Color.web("#3fb950");
    private static final Color WARNING = Color.web("#d29922");
    private static final Color ALERT = Color.web("#ff5f56");
    private static final Color STALE = Color.web("#6e7681");

    private static final double HEIGHT = 168;

    private final List<Tile> tiles = new ArrayList<>();
    /** What each tile shows now: TilesFX redraws a tile on every setter call, so only changes are applied. */
    private final List<TileFigure> shown = new ArrayList<>();

    public TilesView(TelemetryViewModel viewModel) {
        setId("telemetry-tiles");
        getStyleClass().add("telemetry-tiles");
        setSpacing(8);
        setPadding(new Insets(8, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
        setMinHeight(HEIGHT + 12);
        setPrefHeight(HEIGHT + 12);
        setMaxHeight(HEIGHT + 12);
        viewModel.tiles().addListener((ListChangeListener<TileFigure>) change -> show(viewModel.tiles()));
        show(viewModel.tiles());
    }

    private void show(List<TileFigure> figures) {
        while (tiles.size() < figures.size()) {
            var tile = newTile();
            tiles.add(tile);
            shown.add(null);
            getChildren().add(tile);
        }
        for (int i = 0; i < figures.size(); i++) {
            var figure = figures.get(i);
            if (!figure.equals(shown.get(i))) {
                apply(tiles.get(i), shown.get(i), figure);
                shown.set(i, figure);
            }
        }
    }

    private static Tile newTile() {
        var tile = TileBuilder.create()
                .skinType(Tile.SkinType.NUMBER)
                .animated(false)
                .minValue(-1e12)
                .maxValue(1e12)
                .backgroundColor(BACKGROUND)
                .titleColor(TITLE)
                .unitColor(MUTED)
                .textColor(MUTED)
                .descriptionColor(TITLE)
                .descriptionAlignment(Pos.TOP_LEFT)
                .textVisible(true)
                .roundedCorners(true)
                .borderWidth(3)
                .textSize(Tile.TextSize.BIGGER)
                .build();
        tile.setMinSize(150, HEIGHT);
        tile.setPrefSize(230, HEIGHT);
        tile.setMaxSize(Double.MAX_VALUE, HEIGHT);
        HBox.setHgrow(tile, Priority.ALWAYS);
        return tile;
    }

    /** Applies what differs from {@code before} (null for a new tile). */
    private static void apply(Tile tile, TileFigure before, TileFigure figure) {
        if (before == null || !before.id().equals(figure.id())) {
            tile.setId("tile-" + figure.id());
            tile.setTitle(figure.title());
            tile.setUnit(figure.unit());
            tile.setDecimals(figure.decimals());
        }
        if (before == null || !before.target().equals(figure.target())) {
            tile.setText(figure.target());
        }
        if (before == null || before.hasValue() != figure.hasValue()) {
            tile.setValueVisible(figure.hasValue());
        }
        if (figure.hasValue() && (before == null || before.value() != figure.value())) {
            tile.setValue(figure.value());
        }
        if (before == null || before.stale() != figure.stale() || before.state() != figure.state()) {
            tile.setValueColor(figure.stale() ? STALE : color(figure.state()));
            tile.setBorderColor(figure.stale() ? STALE : figure.state() == TileFigure.State.ALERT ? ALERT
                    : figure.state() == TileFigure.State.WARNING ? WARNING : BACKGROUND);
            tile.setDescriptionColor(figure.stale() ? STALE : TITLE);
        }
        var description = figure.stale() && figure.hasValue() ? figure.ageText() + "\n" + figure.detail()
                : stateWord(figure.state()) + "\n" + figure.detail();
        if (!description.equals(tile.getDescription())) {
            tile.setDescription(description);
        }
    }

    private static Color color(TileFigure.State state) {
        return switch (state) {
            case NO_DATA -> STALE;
            case OK -> OK;
            case WARNING -> WARNING;
            case ALERT -> ALERT;
        };
    }

    /** A glyph and a word, so the state reads without colour. */
    static String stateWord(TileFigure.State state) {
        return switch (state) {
            case NO_DATA -> "○ NO DATA";
            case OK -> "● WITHIN TARGET";
            case WARNING -> "▲ WARNING";
            case ALERT -> "✖ BREACH";
        };
    }
}
