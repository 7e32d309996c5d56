package io.meridian.console.topology;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import io.meridian.client.StreamStatus;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.telemetry.TransactionRates;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.SnapshotReason;
import io.meridian.model.topology.TopologyEvent;
import io.meridian.server.scenario.ScenarioTopology;
import io.meridian.sim.ShippedScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The details pane shows the selected region's rates, "unknown" where the platform cannot tell. */
@ExtendWith(ApplicationExtension.class)
class RegionDetailsViewTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private final Map<String, RegionServiceSource.Reading> figures = new ConcurrentHashMap<>();
    private TopologyViewModel viewModel;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        var store = new TopologyStore(Clock.systemUTC());
        viewModel = new TopologyViewModel(store, region -> Optional.ofNullable(figures.get(region)));
        store.onStatus(new StreamStatus.Live(T0));
        store.onEvent(new TopologyEvent.Snapshot(new JournalPosition("a", 1), T0, SnapshotReason.INITIAL,
                ScenarioTopology.initial(ShippedScenarios.load("phase-7p"), T0)));
        viewModel.pulse(T0);
        scene = new Scene(new RegionDetailsView(viewModel), 380, 760);
        scene.getStylesheets().add(Objects.requireNonNull(
                RegionDetailsView.class.getResource("/io/meridian/console/meridian.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static RegionServiceSource.Reading reading(String region, Optional<TransactionRates> rates) {
        return new RegionServiceSource.Reading(new TelemetrySample.RegionService(region, T0, 100,
                Duration.ofMinutes(5), 2, 9, rates), T0);
    }

    @Test
    void showsTheRatesOfTheSelectedRegionAndUnknownAsUnknown(FxRobot robot) throws Exception {
        figures.put("eu-central-1", reading("eu-central-1", Optional.of(new TransactionRates(1834, 27))));
        figures.put("us-east-1", reading("us-east-1", Optional.empty()));
        WaitForAsyncUtils.asyncFx(() -> viewModel.selectedRegionIdProperty().set("eu-central-1"))
                .get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#details-commits").queryAs(Label.class).getText()).isEqualTo("1,834 /s");
        assertThat(robot.lookup("#details-rollbacks").queryAs(Label.class).getText()).isEqualTo("27.0 /s");
        writePng("region-details.png");

        WaitForAsyncUtils.asyncFx(() -> viewModel.selectedRegionIdProperty().set("us-east-1"))
                .get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#details-commits").queryAs(Label.class).getText()).isEqualTo("unknown");
        assertThat(robot.lookup("#details-rollbacks").queryAs(Label.class).getText()).isEqualTo("unknown");

        WaitForAsyncUtils.asyncFx(() -> viewModel.pulse(T0.plusSeconds(8))).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        var commits = robot.lookup("#details-commits").queryAs(Label.class);
        assertThat(commits.getPseudoClassStates()).extracting(Object::toString).contains("stale");
        assertThat(robot.lookup("#details-rates-note").queryAs(Label.class).getText()).isEqualTo("STALE · 8 s old");
        writePng("region-details-stale.png");
    }

    /** For the eye only (target/screenshots): the README's screenshots come from the main window's tests. */
    private void writePng(String name) throws Exception {
        var dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name).toFile());
    }
}
