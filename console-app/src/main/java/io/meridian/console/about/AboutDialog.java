package io.meridian.console.about;

import io.meridian.model.session.MeridianVersion;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The About box (F1): Meridian's version and the licences of everything the package bundles. */
public final class AboutDialog {
    private AboutDialog() {
    }

    /** A modal About box over {@code owner}; the caller shows it. */
    public static Alert create(Window owner, Image icon, List<BundledComponent> components) {
        var alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("About Meridian");
        alert.setHeaderText("Meridian " + MeridianVersion.current());
        var image = new ImageView(icon);
        image.setFitWidth(64);
        image.setFitHeight(64);
        alert.setGraphic(image);

        var table = new GridPane();
        table.setId("about-components");
        table.setHgap(16);
        table.setVgap(4);
        int row = 0;
        for (var c : components) {
            table.addRow(row++, new Label(c.name()), new Label(c.version()), new Label(c.licence()),
                    new Label(c.source()));
        }
        var intro = new Label("Operations console for platforms replicated across regions and jurisdictions.\n"
                + "The backend it ships with is SIMULATED. Bundled components and their licences:");
        var notice = new Label("Map data: Made with Natural Earth, free vector and raster map data "
                + "(public domain).");
        var content = new VBox(12, intro, table, notice);
        content.setPadding(new Insets(8, 0, 0, 0));
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("about-dialog");
        return alert;
    }
}
