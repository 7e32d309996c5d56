package io.meridian.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import eu.hansolo.tilesfx.Tile;
import io.meridian.client.Backend;
import io.meridian.console.telemetry.ArcFigure;
import io.meridian.console.telemetry.LagLevel;
import io.meridian.console.telemetry.TileFigure;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.server.BackendServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Popup;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The telemetry screen against a real simulated backend on a loopback socket: a lag spike injected through the
 * simulator's control service turns the link to breach on the map, in the tiles and in the alert list, a larger one
 * opens a breaker; stopping the backend turns every figure stale. Writes the screenshots it reaches.
 */
@ExtendWith(ApplicationExtension.class)
class TelemetryScreenTest {
    private ConsoleOnSimulator console;
    private BackendServer server;
    private Backend backend;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        console = ConsoleOnSimulator.show(stage, "phase-7p", 11);
        server = console.server();
        backend = console.backend();
        window = console.window();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void aLagSpikeTurnsTheLinkToBreachRaisesAnAlertAndAStoppedBackendTurnsFiguresStale(FxRobot robot)
            throws Exception {
        var telemetry = window.telemetry();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !telemetry.arcsProperty().get().isEmpty()
                && telemetry.arcsProperty().get().values().stream().noneMatch(ArcFigure::stale));
        var link = window.topology().topologyProperty().get().links().stream()
                .filter(ReplicationLink::crossRegion).findFirst().orElseThrow();
        var pair = ArcFigure.pair(link.sourceRegionId(), link.targetRegionId());

        backend.simulatorControl().injectLagSpike(link.id(), 45, Duration.ofMinutes(5));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            var arc = telemetry.arcsProperty().get().get(pair);
            return arc != null && arc.level().compareTo(LagLevel.BREACH) >= 0;
        });
        assertThat(telemetry.arcsProperty().get().get(pair).label()).matches("(BREAKER OPEN )?\\d+(\\.\\d)? s");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#tile-worst-lag").queryAs(Tile.class)
                .getDescription().startsWith("✖ BREACH"));
        var worstLag = telemetry.tiles().stream().filter(t -> t.id().equals("worst-lag")).findFirst().orElseThrow();
        assertThat(worstLag.state()).isEqualTo(TileFigure.State.ALERT);
        assertThat(worstLag.value()).isGreaterThan(30);

        ListView<?> alerts = robot.lookup("#alert-list").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.telemetry().alerts().rows().stream()
                .anyMatch(r -> r.whatProperty().get().startsWith("SLO breach") && r.key().endsWith(link.id())));
        assertThat(alerts.getItems()).isNotEmpty();

        // A second link far past the breaker threshold: the backend opens its breaker, the console says so.
        var other = window.topology().topologyProperty().get().links().stream()
                .filter(l -> l.crossRegion() && !ArcFigure.pair(l.sourceRegionId(), l.targetRegionId()).equals(pair))
                .findFirst().orElseThrow();
        var otherPair = ArcFigure.pair(other.sourceRegionId(), other.targetRegionId());
        backend.simulatorControl().injectLagSpike(other.id(), 90, Duration.ofMinutes(5));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            var arc = telemetry.arcsProperty().get().get(otherPair);
            return arc != null && arc.level() == LagLevel.BREAKER_OPEN;
        });
        assertThat(telemetry.arcsProperty().get().get(otherPair).label()).startsWith("BREAKER OPEN ");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.telemetry().alerts().rows().stream()
                .anyMatch(r -> r.key().equals("breaker/" + other.id())
                        && r.severityProperty().get() == io.meridian.console.telemetry.Severity.CRITICAL));

        // Acknowledging from the list records who did it: the session's caller.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> !window.connection().callerIdentityProperty().get().equals("unknown caller"));
        var identity = window.connection().callerIdentityProperty().get();
        robot.clickOn(robot.lookup(".alert-ack").<Button>query());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> window.telemetry()
                .alerts().rows().stream().anyMatch(r -> r.acknowledgementProperty().get()
                        .startsWith("ack " + identity + " "))).get());

        WaitForAsyncUtils.asyncFx(() -> telemetry.showArc(link.sourceRegionId(), link.targetRegionId()))
                .get(5, TimeUnit.SECONDS);
        console.writeScreenshot("telemetry-breach.png");
        // The alerts also popped up (ControlsFX notifications are popups owned by the window).
        assertThat(WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().anyMatch(w -> w instanceof Popup))
                .get(5, TimeUnit.SECONDS)).isTrue();

        server.close();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> telemetry.arcsProperty().get().get(pair).stale());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#tile-worst-lag").queryAs(Tile.class)
                .getDescription().startsWith("STALE"));
        // Read on the FX thread: the pulse replaces tiles one by one.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                telemetry.tiles().stream().filter(t -> !t.id().equals("regions-healthy")).allMatch(TileFigure::stale)
                        && telemetry.arcsProperty().get().values().stream().allMatch(ArcFigure::stale)).get());
        console.writeScreenshot("telemetry-stale.png");
    }
}
