package io.meridian.console.topology;

import java.util.Set;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The keyboard-navigable list of regions beside the map; its selection and the map's are the same property. A region
 * a running drill targets carries a "DRILL" badge.
 */
public final class RegionListView extends ListView<RegionRow> {
    /** {@code drilledRegions}: the ids of the regions a running drill targets. */
    public RegionListView(TopologyViewModel viewModel, ObservableValue<Set<String>> drilledRegions) {
        super(viewModel.rows());
        setId("region-list");
        getStyleClass().add("region-list");
        setCellFactory(list -> new RegionCell(drilledRegions));
        drilledRegions.addListener(o -> refresh());
        setMinWidth(250);
        setPrefWidth(300);
        getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null) {
                viewModel.selectedRegionIdProperty().set(row.region().id());
            }
        });
        viewModel.selectedRegionIdProperty().addListener((obs, old, id) -> select(id));
        getItems().addListener((javafx.collections.ListChangeListener<RegionRow>) change ->
                select(viewModel.selectedRegionIdProperty().get()));
    }

    private void select(String regionId) {
        var current = getSelectionModel().getSelectedItem();
        if (regionId == null || (current != null && current.region().id().equals(regionId))) {
            return;
        }
        for (int i = 0; i < getItems().size(); i++) {
            if (getItems().get(i).region().id().equals(regionId)) {
                getSelectionModel().select(i);
                scrollTo(i);
                return;
            }
        }
    }

    /** A row: health glyph (shape and colour), name (with the drill badge), and a summary line. */
    private static final class RegionCell extends ListCell<RegionRow> {
        private final ObservableValue<Set<String>> drilledRegions;
        private final Label glyph = new Label();
        private final Label title = new Label();
        private final Label drill = new Label("DRILL");
        private final Label subtitle = new Label();
        private final HBox box;

        RegionCell(ObservableValue<Set<String>> drilledRegions) {
            this.drilledRegions = drilledRegions;
            var heading = new HBox(8, title, drill);
            heading.setAlignment(Pos.CENTER_LEFT);
            box = new HBox(10, glyph, new VBox(2, heading, subtitle));
            drill.getStyleClass().add("drill-badge");
            drill.setMinWidth(Region.USE_PREF_SIZE);
            drill.managedProperty().bind(drill.visibleProperty());
            glyph.getStyleClass().add("health-glyph");
            title.getStyleClass().add("region-title");
            subtitle.getStyleClass().add("region-subtitle");
            box.getStyleClass().add("region-cell");
        }

        @Override
        protected void updateItem(RegionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            glyph.setText(HealthStyle.glyph(row.health()));
            glyph.getStyleClass().removeIf(c -> c.startsWith("health-") && !c.equals("health-glyph"));
            glyph.getStyleClass().add(HealthStyle.styleClass(row.health()));
            title.setText(row.title());
            subtitle.setText(row.subtitle());
            boolean drilled = drilledRegions.getValue().contains(row.region().id());
            drill.setVisible(drilled);
            setAccessibleText(row.title() + ", " + HealthStyle.label(row.health()) + (drilled ? ", under drill" : ""));
            setGraphic(box);
        }
    }
}
