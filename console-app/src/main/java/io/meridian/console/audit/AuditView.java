package io.meridian.console.audit;

import java.util.Objects;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The auditor's tab: an alarm banner when the backend was caught lying, which keys are trusted, the latest verified
 * checkpoint; below, verifying or exporting a range beside looking up a query id.
 */
public final class AuditView extends BorderPane {
    /**
     * The tab for this view, whose title says when an alarm was raised, so it shows from every other tab too. Its
     * content is left to the caller, which may build the view only when the tab is first opened.
     */
    public static Tab tab(AuditViewModel viewModel) {
        var tab = new Tab("Audit");
        tab.setId("audit-tab");
        tab.textProperty().bind(viewModel.alarmedProperty().map(alarmed -> alarmed ? "Audit ✖ ALARM" : "Audit"));
        return tab;
    }

    public AuditView(AuditViewModel viewModel) {
        setId("audit-view");
        getStylesheets().add(Objects.requireNonNull(AuditView.class.getResource("audit.css")).toExternalForm());

        var alarm = new Label();
        alarm.setId("audit-alarm");
        alarm.getStyleClass().add("audit-alarm");
        alarm.setWrapText(true);
        alarm.setMaxWidth(Double.MAX_VALUE);
        alarm.textProperty().bind(viewModel.alarmTextProperty());
        alarm.visibleProperty().bind(viewModel.alarmedProperty());
        alarm.managedProperty().bind(viewModel.alarmedProperty());

        var trust = new Label();
        trust.setId("audit-trust");
        trust.getStyleClass().add("audit-trust");
        trust.setWrapText(true);
        // A glyph as well as a colour: "▲" marks the warning as the alert list does.
        var glyph = viewModel.trustedProperty().get() ? "✔ " : "▲ ";
        trust.textProperty().bind(viewModel.trustTextProperty().map(t -> glyph + t));
        trust.pseudoClassStateChanged(AuditStyles.UNTRUSTED, !viewModel.trustedProperty().get());

        var checkpoint = new Label();
        checkpoint.setId("audit-checkpoint");
        checkpoint.getStyleClass().add("audit-checkpoint");
        checkpoint.setWrapText(true);
        checkpoint.textProperty().bind(viewModel.checkpointTextProperty());
        viewModel.checkpointStateProperty().subscribe(state -> AuditStyles.applyCheckpoint(checkpoint, state));

        var header = new VBox(6, alarm, trust, checkpoint);
        header.getStyleClass().add("audit-header");
        setTop(header);

        var panes = new SplitPane(new RangePane(viewModel.range()), new LookupPane(viewModel.lookup()));
        panes.setOrientation(Orientation.HORIZONTAL);
        panes.setDividerPositions(0.58);
        setCenter(panes);
    }
}
