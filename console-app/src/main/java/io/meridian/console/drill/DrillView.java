package io.meridian.console.drill;

import io.meridian.model.drill.DrillRequest;
import io.meridian.model.drill.DrillType;
import io.meridian.model.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The drill screen: start a drill (type and region, or the shipped phase-7p monthly runbook), then its four clocks,
 * the runbook steps with what to do next, and the live timeline; abort and export once there is a drill. Binds to
 * {@link DrillViewModel} and builds nodes, nothing else.
 */
public final class DrillView extends BorderPane {
    private static final double TIMELINE_SHARE_RUNNING = 0.66;
    private static final double TIMELINE_SHARE_ENDED = 0.4;
    private final DrillViewModel model;
    private final ChoiceBox<DrillType> type = new ChoiceBox<>();
    private final ChoiceBox<String> region = new ChoiceBox<>();
    private final ChoiceBox<String> otherRegion = new ChoiceBox<>();
    /** Four equal columns, whatever their captions say. */
    private final javafx.scene.layout.GridPane clocks = new javafx.scene.layout.GridPane();

    public DrillView(DrillViewModel model, ObservableValue<Topology> topology) {
        this.model = model;
        setId("drill-view");
        getStylesheets().add(DrillMode.STYLESHEET);
        getStyleClass().add("drill-view");

        type.getItems().setAll(DrillType.REGION_OUTAGE, DrillType.NETWORK_PARTITION, DrillType.LAG_SPIKE,
                DrillType.CLOCK_SKEW);
        type.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DrillType t) {
                return t == null ? "" : t.label();
            }

            @Override
            public DrillType fromString(String s) {
                return null;
            }
        });
        type.setValue(DrillType.REGION_OUTAGE);
        type.setId("drill-type");
        region.setId("drill-region");
        region.setPrefWidth(170);
        otherRegion.setPrefWidth(170);
        otherRegion.setId("drill-other-region");
        otherRegion.visibleProperty().bind(type.valueProperty().isEqualTo(DrillType.NETWORK_PARTITION));
        otherRegion.managedProperty().bind(otherRegion.visibleProperty());
        topology.addListener((obs, old, now) -> regions(now));
        regions(topology.getValue());

        var start = button("Start drill", "drill-start");
        start.disableProperty().bind(model.busyProperty().or(model.activeProperty())
                .or(region.valueProperty().isNull()));
        start.setOnAction(e -> model.start(request()));
        var runbook = button("Run phase-7p monthly runbook", "drill-runbook");
        runbook.disableProperty().bind(model.busyProperty().or(model.activeProperty()));
        runbook.setOnAction(e -> model.start(DrillRequest.shippedRunbook("phase-7p-monthly")));
        var runbookFile = button("Runbook file…", "drill-runbook-file");
        runbookFile.disableProperty().bind(runbook.disableProperty());
        runbookFile.setOnAction(e -> {
            var chooser = new FileChooser();
            chooser.setTitle("Run a drill runbook");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Runbook (JSON)", "*.json"));
            var file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                model.startRunbook(file.toPath());
            }
        });
        var abort = button("Abort drill…", "drill-abort");
        abort.getStyleClass().add("danger");
        abort.disableProperty().bind(model.activeProperty().not().or(model.busyProperty()));
        abort.setOnAction(e -> ask("Abort the drill", "Why? (goes into the report and the audit log)")
                .ifPresent(model::abort));
        var json = button("Export JSON", "drill-export-json");
        var pdf = button("Export PDF", "drill-export-pdf");
        json.disableProperty().bind(model.drillProperty().isNull().or(model.busyProperty()));
        pdf.disableProperty().bind(json.disableProperty());
        json.setOnAction(e -> save("json").ifPresent(model::exportJson));
        pdf.setOnAction(e -> save("pdf").ifPresent(model::exportPdf));
        // Groups that wrap onto a second line in a narrow window instead of cutting their buttons to "...". Starting
        // is shown only when no drill runs (one at a time); abort and export sit beside the headline, always.
        var controls = new FlowPane(18, 8, group(label("Drill"), type, label("Region"), region, otherRegion, start),
                group(runbook, runbookFile));
        controls.getStyleClass().add("drill-controls");
        controls.visibleProperty().bind(model.activeProperty().not());
        controls.managedProperty().bind(controls.visibleProperty());

        var headline = new Label();
        headline.getStyleClass().add("drill-headline");
        headline.setWrapText(true);
        headline.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(headline, Priority.ALWAYS);
        headline.textProperty().bind(model.headlineProperty());
        model.outcomeProperty().addListener((obs, old, now) -> {
            headline.getStyleClass().removeIf(c -> c.startsWith("outcome-"));
            if (now != null) {
                headline.getStyleClass().add("outcome-" + now.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        var message = new Label();
        message.setId("drill-message");
        message.getStyleClass().add("drill-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        var headlineRow = new HBox(16, headline, group(abort, json, pdf));
        headlineRow.setAlignment(Pos.CENTER_LEFT);

        clocks.getStyleClass().add("drill-clocks");
        clocks.setHgap(12);
        model.clocks().addListener((ListChangeListener<ClockFigure>) c -> showClocks());

        var steps = new ListView<>(model.steps());
        steps.setId("drill-steps");
        steps.getStyleClass().add("drill-steps");
        steps.setPlaceholder(new Label("No drill yet: start one above; its steps show here with what to do next."));
        steps.setCellFactory(list -> new StepCell(list, row -> ask("Confirm step " + row.number(),
                "What did you see or do?").ifPresent(note -> model.confirm(row.id(), note))));
        // The step that needs attention comes into view when it changes, and after the list is resized (its cells
        // wrap anew); between those the operator may scroll.
        Runnable showCurrentStep = () -> {
            int current = model.currentStepProperty().get();
            if (current >= 0) {
                steps.scrollTo(current);
            }
        };
        model.currentStepProperty().addListener(o -> showCurrentStep.run());
        steps.widthProperty().addListener(o -> Platform.runLater(showCurrentStep));
        steps.heightProperty().addListener(o -> Platform.runLater(showCurrentStep));
        var timeline = new ListView<>(model.timeline());
        timeline.setId("drill-timeline");
        timeline.getStyleClass().add("drill-timeline");
        timeline.setCellFactory(list -> new TimelineCell());
        // The runbook has the whole height on the left; the timeline and the report share the right.
        var right = new SplitPane(titled("TIMELINE (newest first)", timeline),
                titled("REPORT: MEASURED AGAINST TARGETS", new MeasuresPane(model)));
        right.setOrientation(Orientation.VERTICAL);
        // While a drill runs the timeline is what moves; once it ended, the report is what is read.
        right.setDividerPositions(TIMELINE_SHARE_RUNNING);
        model.activeProperty().addListener((obs, was, running) ->
                right.setDividerPositions(running ? TIMELINE_SHARE_RUNNING : TIMELINE_SHARE_ENDED));
        var split = new SplitPane(titled("RUNBOOK STEPS", steps), right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.44);

        var top = new VBox(10, controls, headlineRow, message, clocks);
        top.setPadding(new Insets(12, 16, 8, 16));
        setTop(top);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(0, 16, 12, 16));
    }

    private void showClocks() {
        var figures = model.clocks();
        if (clocks.getChildren().size() != figures.size()) {
            clocks.getChildren().clear();
            clocks.getColumnConstraints().clear();
            for (int i = 0; i < figures.size(); i++) {
                var column = new javafx.scene.layout.ColumnConstraints();
                column.setPercentWidth(100.0 / figures.size());
                clocks.getColumnConstraints().add(column);
                var tile = new ClockTile();
                tile.setMaxWidth(Double.MAX_VALUE);
                clocks.add(tile, i, 0);
            }
        }
        for (int i = 0; i < figures.size(); i++) {
            ((ClockTile) clocks.getChildren().get(i)).show(figures.get(i));
        }
    }

    private void regions(Topology topology) {
        var ids = topology == null ? List.<String>of() : topology.regions().stream().map(r -> r.id()).toList();
        if (!ids.equals(region.getItems())) {
            region.getItems().setAll(ids);
            otherRegion.getItems().setAll(ids);
            if (!ids.isEmpty()) {
                region.setValue(ids.contains("us-east-1") ? "us-east-1" : ids.getFirst());
                otherRegion.setValue(ids.size() > 1 ? ids.get(ids.indexOf(region.getValue()) == 0 ? 1 : 0)
                        : ids.getFirst());
            }
        }
    }

    private DrillRequest request() {
        var targets = type.getValue() == DrillType.NETWORK_PARTITION
                ? List.of(region.getValue(), otherRegion.getValue()) : List.of(region.getValue());
        return new DrillRequest(type.getValue(), targets, Map.of(), "", "");
    }

    private java.util.Optional<String> ask(String title, String prompt) {
        var dialog = new TextInputDialog();
        dialog.setTitle(title);
        dialog.setHeaderText(prompt);
        dialog.initOwner(getScene().getWindow());
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private java.util.Optional<Path> save(String extension) {
        var chooser = new FileChooser();
        chooser.setTitle("Export the drill report");
        var d = model.drillProperty().get();
        chooser.setInitialFileName("drill-" + d.id().substring(0, 8) + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(), "*."
                + extension));
        var file = chooser.showSaveDialog(getScene().getWindow());
        return java.util.Optional.ofNullable(file).map(java.io.File::toPath);
    }

    private static VBox titled(String title, javafx.scene.Node content) {
        var heading = label(title);
        heading.getStyleClass().add("drill-section-title");
        VBox.setVgrow(content, Priority.ALWAYS);
        var box = new VBox(6, heading, content);
        box.setPadding(new Insets(6));
        return box;
    }

    private static Button button(String text, String id) {
        var b = new Button(text);
        b.setId(id);
        return b;
    }

    private static HBox group(javafx.scene.Node... nodes) {
        var box = new HBox(10, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static Label label(String text) {
        var l = new Label(text);
        l.getStyleClass().add("drill-label");
        return l;
    }

    /** A timeline event: offset, glyph, kind, and detail with who. */
    private static final class TimelineCell extends ListCell<TimelineRow> {
        TimelineCell() {
            // Sized by the list, not by its text: the detail wraps instead of widening the cell.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TimelineRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeIf(c -> c.startsWith("event-"));
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            getStyleClass().add(row.styleClass());
            var offset = new Label(row.offset());
            offset.getStyleClass().add("event-offset");
            var glyph = new Label(row.glyph());
            glyph.getStyleClass().add("event-glyph");
            var kind = new Label(row.kind().toUpperCase(java.util.Locale.ROOT) + (row.actor().isEmpty() ? ""
                    : " · " + row.actor()));
            kind.getStyleClass().add("event-kind");
            var detail = new Label(row.detail());
            detail.getStyleClass().add("event-detail");
            detail.setWrapText(true);
            detail.maxWidthProperty().bind(Bindings.subtract(getListView().widthProperty(), 150));
            detail.setMinHeight(Region.USE_PREF_SIZE);
            setGraphic(new HBox(10, offset, glyph, new VBox(1, kind, detail)));
            setText(null);
        }
    }
}
