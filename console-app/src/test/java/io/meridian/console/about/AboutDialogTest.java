package io.meridian.console.about;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.console.shell.AppIcons;
import io.meridian.model.session.MeridianVersion;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The About box on the headless platform: version, every bundled component with its licence, the map notice. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.getIcons().setAll(AppIcons.all());
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @Test
    void showsTheVersionAndTheLicenceOfEveryBundledComponent() throws Exception {
        var components = BundledComponent.shipped();
        Alert alert = WaitForAsyncUtils.asyncFx(() -> AboutDialog.create(stage, AppIcons.load(64), components))
                .get(10, TimeUnit.SECONDS);
        assertThat(alert.getHeaderText()).isEqualTo("Meridian " + MeridianVersion.current());
        var table = (GridPane) alert.getDialogPane().lookup("#about-components");
        var texts = table.getChildren().stream().map(node -> ((Label) node).getText()).toList();
        for (var c : components) {
            assertThat(texts).contains(c.name(), c.licence());
        }
        assertThat(texts).contains("GPL-2.0 with the Classpath Exception", "Apache-2.0", "BSD-3-Clause", "MIT",
                "public domain", "ISC");
        assertThat(stage.getIcons()).hasSize(7);
    }

    @Test
    void versionsComeFromTheBuild() {
        assertThat(BundledComponent.shipped()).filteredOn(c -> c.name().startsWith("OpenJFX"))
                .singleElement().satisfies(c -> assertThat(c.version()).matches("\\d+(\\.\\d+)*"));
        assertThat(BundledComponent.shipped()).allSatisfy(c -> assertThat(c.version()).isNotNull()
                .doesNotContain("${"));
        assertThat(BundledComponent.shipped()).filteredOn(c -> c.name().startsWith("Bouncy Castle"))
                .singleElement().satisfies(c -> assertThat(c.version()).matches("\\d+(\\.\\d+)*"));
    }
}
