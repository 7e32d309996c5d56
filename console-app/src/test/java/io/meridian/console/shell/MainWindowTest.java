package io.meridian.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.console.telemetry.TileFigure;
import io.meridian.console.topology.RegionRow;
import io.meridian.server.BackendServer;
import io.meridian.sim.ShippedScenarios;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
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
    private ConsoleOnSimulator console;
    private MainWindow window;
    private int regionCount;

    @Start
    void start(Stage stage) throws Exception {
        regionCount = ShippedScenarios.load("phase-7p").regions().size();
        console = ConsoleOnSimulator.show(stage, "phase-7p", 7);
        server = console.server();
        window = console.window();
    }

    @AfterEach
    void stop() {
        console.close();
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
        // Keeps the README's screenshot current: the window as this test drove it.
        console.writeScreenshot("main-window.png");
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
}
