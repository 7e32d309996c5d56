package io.meridian.console.telemetry;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.css.ColorPalette;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The charts of the selected arc or region (chart-fx): a time axis over the last hour and the target lines of each
 * chart, with chart-fx's zoomer: drag a rectangle to zoom, Ctrl+scroll to zoom, middle-drag to pan, right click or
 * Escape to zoom back out. The view only builds charts for the view-model's plots; it never writes their data.
 */
public final class ChartsView extends VBox {
    private final Label title = new Label("Click an arc on the map for its lag history, or a region for its clocks "
            + "and drift");
    private final Label status = new Label();
    private final HBox charts = new HBox(8);

    public ChartsView(ChartsViewModel viewModel) {
        setId("telemetry-charts");
        getStyleClass().add("telemetry-charts");
        setPadding(new Insets(6, 8, 6, 8));
        setSpacing(4);
        title.setId("charts-title");
        title.getStyleClass().add("charts-title");
        status.getStyleClass().add("charts-status");
        status.textProperty().bind(viewModel.statusTextProperty());
        var why = new Tooltip();
        why.textProperty().bind(viewModel.statusDetailProperty());
        status.tooltipProperty().bind(viewModel.statusDetailProperty().map(d -> d.isEmpty() ? null : why));
        // The title shortens last: the status beside it gives way first.
        title.setMinWidth(160);
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        var header = new HBox(16, title, status);
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(header, charts);
        viewModel.plotsProperty().addListener((obs, old, plots) -> show(viewModel, plots));
    }

    private void show(ChartsViewModel viewModel, List<ChartsViewModel.Plot> plots) {
        var selection = viewModel.selectionProperty().get();
        if (selection != null) {
            title.setText(selection.title());
        }
        charts.getChildren().setAll(plots.stream().map(ChartsView::chart).toList());
    }

    private static TargetLinesChart chart(ChartsViewModel.Plot plot) {
        var time = new DefaultNumericAxis("time (UTC)", null);
        time.setTimeAxis(true);
        time.setMaxMajorTickLabelCount(6);
        time.setAutoRangeRounding(false);
        var values = new DefaultNumericAxis(plot.panel().title(),
                plot.panel().unit().isEmpty() ? null : plot.panel().unit());
        values.setForceZeroInRange(true);
        values.setAutoRangePadding(0.1);
        var chart = new TargetLinesChart(time, values,
                plot.panel().markers().stream().mapToDouble(ChartPanel.Marker::value).toArray());
        chart.getStyleClass().add("telemetry-chart");
        chart.setTitle(plot.panel().title() + (plot.panel().unit().isEmpty() ? "" : " (" + plot.panel().unit() + ")"));
        chart.setLegendVisible(true);
        chart.setColorPalette(ColorPalette.ATLANTAFX);
        var renderer = (ErrorDataSetRenderer) chart.getRenderers().getFirst();
        // Markers too: a drift test reports every five seconds, so its first minutes are a few dots.
        renderer.setDrawMarker(true);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.getDatasets().addAll(plot.data());
        for (var marker : plot.panel().markers()) {
            var line = new YValueIndicator(values, marker.value(), marker.label());
            line.setEditable(false);
            chart.getPlugins().add(line);
        }
        chart.getPlugins().add(new Zoomer());
        chart.setMinSize(100, 150);
        HBox.setHgrow(chart, Priority.ALWAYS);
        return chart;
    }
}
