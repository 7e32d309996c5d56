package io.meridian.console.failover;

import io.meridian.model.failover.Proposal;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The proposals queue: open proposals first and loudest (severity glyph and colour), each with its cluster, the
 * replica it promotes, the dry run's verdict, approvals n/m, its age and any anti-flapping countdown. Arrow keys move
 * through it; the selection drives the detail view.
 */
final class ProposalListView extends ListView<ProposalRow> {
    ProposalListView(FailoverViewModel viewModel) {
        super(viewModel.rows());
        setId("proposal-list");
        getStyleClass().add("proposal-list");
        setPlaceholder(new Label("No failover proposals. The backend opens one when a primary fails; an operator "
                + "can request a planned switchover."));
        ((Label) getPlaceholder()).setWrapText(true);
        setCellFactory(list -> new Cell(this));
        getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                viewModel.selectedIdProperty().set(row.id());
            }
        });
        viewModel.selectedIdProperty().addListener((obs, old, id) -> select(id));
        getItems().addListener((ListChangeListener<ProposalRow>) change ->
                select(viewModel.selectedIdProperty().get()));
        setMinWidth(320);
        setPrefWidth(400);
    }

    private void select(String id) {
        var current = getSelectionModel().getSelectedItem();
        if (id == null || current != null && current.id().equals(id)) {
            return;
        }
        getItems().stream().filter(r -> r.id().equals(id)).findFirst()
                .ifPresent(row -> getSelectionModel().select(row));
    }

    private static final class Cell extends ListCell<ProposalRow> {
        private final Label glyph = new Label();
        private final Label title = new Label();
        private final Label state = new Label();
        private final Label subtitle = new Label();
        private final Label verdict = new Label();
        private final Label approvals = new Label();
        private final Label age = new Label();
        private final Label countdown = new Label();
        private final HBox box;
        private final InvalidationListener refresh = o -> show();
        private ProposalRow shown;

        Cell(ListView<ProposalRow> list) {
            glyph.getStyleClass().add("proposal-glyph");
            title.getStyleClass().add("proposal-title");
            state.getStyleClass().add("proposal-state");
            subtitle.getStyleClass().add("proposal-subtitle");
            subtitle.setWrapText(true);
            subtitle.setMinHeight(Region.USE_PREF_SIZE);
            verdict.getStyleClass().add("verdict-badge");
            approvals.getStyleClass().add("proposal-approvals");
            age.getStyleClass().add("proposal-age");
            countdown.getStyleClass().add("flapping-countdown");
            countdown.managedProperty().bind(countdown.visibleProperty());
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            var top = new HBox(8, title, spacer, state);
            top.setAlignment(Pos.BASELINE_LEFT);
            verdict.setMinWidth(Region.USE_PREF_SIZE);
            approvals.setMinWidth(Region.USE_PREF_SIZE);
            var facts = new HBox(10, verdict, approvals);
            facts.setAlignment(Pos.CENTER_LEFT);
            var text = new VBox(3, top, subtitle, facts, age, countdown);
            HBox.setHgrow(text, Priority.ALWAYS);
            box = new HBox(10, glyph, text);
            box.setAlignment(Pos.TOP_LEFT);
            box.getStyleClass().add("proposal-cell");
            setPrefWidth(0);
            text.prefWidthProperty().bind(list.widthProperty().subtract(70));
        }

        @Override
        protected void updateItem(ProposalRow row, boolean empty) {
            super.updateItem(row, empty);
            if (shown != null) {
                shown.proposalProperty().removeListener(refresh);
                shown.ageProperty().removeListener(refresh);
                shown.countdownProperty().removeListener(refresh);
            }
            shown = empty ? null : row;
            if (shown == null) {
                setGraphic(null);
                return;
            }
            shown.proposalProperty().addListener(refresh);
            shown.ageProperty().addListener(refresh);
            shown.countdownProperty().addListener(refresh);
            show();
            setGraphic(box);
        }

        private void show() {
            Proposal p = shown.proposalProperty().get();
            box.getStyleClass().removeAll(FailoverStyle.SEVERITIES);
            box.getStyleClass().add(FailoverStyle.severity(p));
            glyph.setText(FailoverStyle.glyph(p));
            title.setText(shown.title());
            state.setText(FailoverText.state(p.state()).toUpperCase(Locale.ROOT));
            subtitle.setText(shown.subtitle());
            verdict.setText(FailoverStyle.verdictGlyph(p.dryRun().verdict()) + " "
                    + FailoverText.verdict(p.dryRun().verdict()));
            verdict.getStyleClass().removeIf(c -> c.startsWith("verdict-") && !c.equals("verdict-badge"));
            verdict.getStyleClass().add(FailoverStyle.verdictClass(p.dryRun().verdict()));
            approvals.setText(shown.approvals());
            age.setText(shown.ageProperty().get());
            countdown.setText(shown.countdownProperty().get());
            countdown.setVisible(!shown.countdownProperty().get().isEmpty());
        }
    }
}
