package io.meridian.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import io.meridian.client.BackendAddress;
import io.meridian.client.grpc.GrpcBackend;
import io.meridian.console.map.LandOutlines;
import io.meridian.console.telemetry.TileFigure;
import io.meridian.console.topology.RegionRow;
import io.meridian.server.BackendServer;
import io.meridian.sim.ShippedScenarios;
import io.meridian.sim.SimulatedBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real main window against a simulated backend on a loopback socket, on the headless platform. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private BackendServer server;
    private GrpcBackend backend;
    private MainWindow window;
    private int regionCount;

    @Start
    void start(Stage stage) throws Exception {
        var scenario = ShippedScenarios.load("phase-7p");
        regionCount = scenario.regions().size();
        server = SimulatedBackend.start(SimulatedBackend.Options.embedded(scenario, 7));
        backend = GrpcBackend.connect(new BackendAddress("127.0.0.1", server.port()), null);
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        window = new MainWindow(backend, LandOutlines.shipped(), Clock.systemUTC());
        stage.setScene(window.scene(1000, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        window.close();
        backend.close();
        server.close();
    }

    @Test
    void showsEveryRegionTheBannerAndTheDetailsOfTheSelection(FxRobot robot) throws Exception {
        ListView<RegionRow> list = robot.lookup("#region-list").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == regionCount);
        assertThat(list.getItems()).extracting(row -> row.region().id()).doesNotHaveDuplicates();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#platform-banner").queryAs(Label.class).getText().contains("SIMULATED"));
        assertThat(robot.lookup("#platform-banner").queryAs(Label.class).isVisible()).isTrue();

        var third = list.getItems().get(2);
        robot.clickOn(third.title());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> third.title().equals(robot.lookup("#details-title").queryAs(Label.class).getText()));
        assertThat(window.topology().selectedRegionIdProperty().get()).isEqualTo(third.region().id());

        robot.type(javafx.scene.input.KeyCode.DOWN);
        var fourth = list.getItems().get(3);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> fourth.title().equals(robot.lookup("#details-title").queryAs(Label.class).getText()));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#connection-state").queryAs(Label.class).getText().equals("Connected"));
        // The screenshot shows every headline with a figure (the drift test first reports after a few seconds).
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                window.telemetry().tiles().size() == 6 && window.telemetry().tiles().stream()
                        .allMatch(t -> t.state() != TileFigure.State.NO_DATA && !t.stale())).get());
        writeScreenshot();
    }

    @Test
    void stoppingTheBackendShowsReconnectingAndStaleData(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#connection-state").queryAs(Label.class).getText().equals("Connected"));
        server.close();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> robot.lookup("#connection-state").queryAs(Label.class).getText().startsWith("Reconnecting"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> robot.lookup("#freshness").queryAs(Label.class).getText().startsWith("STALE"));
        assertThat(window.topology().staleProperty().get()).isTrue();
        // The topology last received stays on screen, marked stale, rather than vanishing.
        assertThat(window.topology().rows()).hasSize(regionCount);
    }

    /** Keeps the README's screenshot current: the window as this test drove it. */
    private void writeScreenshot() throws Exception {
        var dir = Path.of(System.getProperty("meridian.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        var image = snapshot();
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve("main-window.png").toFile());
    }

    /** The window at a workstation's size (the headless screen is smaller, the scene need not be). */
    private javafx.scene.image.WritableImage snapshot() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            var stage = (Stage) window.root().getScene().getWindow();
            stage.setWidth(1440);
            stage.setHeight(860);
        }).get(10, TimeUnit.SECONDS);
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> window.root().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
    }
}
