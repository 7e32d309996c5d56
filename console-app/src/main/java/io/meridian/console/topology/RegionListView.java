package io.meridian.console.topology;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The keyboard-navigable list of regions beside the map; its selection and the map's are the same property. */
public final class RegionListView extends ListView<RegionRow> {
    public RegionListView(TopologyViewModel viewModel) {
        super(viewModel.rows());
        setId("region-list");
        getStyleClass().add("region-list");
        setCellFactory(list -> new RegionCell());
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

    /** A row: health glyph (shape and colour), name, and a summary line. */
    private static final class RegionCell extends ListCell<RegionRow> {
        private final Label glyph = new Label();
        private final Label title = new Label();
        private final Label subtitle = new Label();
        private final HBox box = new HBox(10, glyph, new VBox(2, title, subtitle));

        RegionCell() {
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
            setAccessibleText(row.title() + ", " + HealthStyle.label(row.health()));
            setGraphic(box);
        }
    }
}
