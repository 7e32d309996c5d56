package io.meridian.console.shell;

import atlantafx.base.theme.PrimerDark;
import io.meridian.client.Backend;
import io.meridian.client.BackendAddress;
import io.meridian.client.ConnectionSecurity;
import io.meridian.client.grpc.GrpcBackend;
import io.meridian.console.audit.AuditSettings;
import io.meridian.console.embedded.DemoTeamIdentities;
import io.meridian.console.map.LandOutlines;
import io.meridian.model.session.Role;
import io.meridian.server.BackendServer;
import io.meridian.server.access.AccessPolicy;
import io.meridian.server.scenario.Scenario;
import io.meridian.sim.ShippedScenarios;
import io.meridian.sim.SimulatedAuditLog;
import io.meridian.sim.SimulatedBackend;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on a stage, against a simulated backend on a loopback socket, for the UI tests; closing it
 * closes window, client and server. Screenshots go to the folder in the {@code meridian.screenshots} property.
 */
record ConsoleOnSimulator(BackendServer server, Backend backend, MainWindow window) implements AutoCloseable {

    static ConsoleOnSimulator show(Stage stage, String scenario, long seed) throws Exception {
        var loaded = ShippedScenarios.load(scenario);
        var server = SimulatedBackend.start(SimulatedBackend.Options.embedded(loaded, seed));
        // The tests inject faults, which the backend allows incident commanders only.
        return show(stage, server, backend -> backend, AuditSettings.unpinned("this test pins no keys"),
                member(loaded, Role.INCIDENT_COMMANDER));
    }

    /**
     * A faster world: the simulator ticking every {@code tick}, and a console that acts as the scenario's first
     * incident commander (the tests inject faults, which the backend allows incident commanders only) and may switch
     * to any member of the team, whose signing keys it holds.
     */
    static ConsoleOnSimulator show(Stage stage, String scenario, long seed, Duration tick) throws Exception {
        return show(stage, scenario, seed, tick, null);
    }

    /**
     * As {@link #show(Stage, String, long, Duration)}, the backend keeping its audit log (and its drill records) as
     * {@code audit} says; null for none.
     */
    static ConsoleOnSimulator show(Stage stage, String scenario, long seed, Duration tick,
                                   SimulatedAuditLog.Options audit) throws Exception {
        var loaded = ShippedScenarios.load(scenario);
        var team = SimulatedBackend.demoTeam(loaded);
        var server = SimulatedBackend.start(new SimulatedBackend.Options(loaded, seed,
                InetAddress.getLoopbackAddress(), 0, tick, null, null, null, AccessPolicy.demo(team)), audit);
        var backend = Backend.connectAsDemoTeam(new BackendAddress("127.0.0.1", server.port()),
                DemoTeamIdentities.of(team, Optional.of(member(loaded, Role.INCIDENT_COMMANDER))));
        return open(stage, server, backend, AuditSettings.unpinned("this test pins no keys"));
    }

    /** The id of the first member of the scenario's demo team who holds {@code role}. */
    static String member(Scenario scenario, Role role) {
        return scenario.team().stream().filter(m -> m.roles().contains(role.label())).findFirst().orElseThrow().id();
    }

    /**
     * The window on {@code server}, acting as the demo team member {@code actingAs}, through the client {@code wrap}
     * makes of the real one (e.g. one that lies about the audit log), auditing with {@code audit}.
     */
    static ConsoleOnSimulator show(Stage stage, BackendServer server, UnaryOperator<Backend> wrap, AuditSettings audit,
                                   String actingAs) throws Exception {
        var backend = wrap.apply(GrpcBackend.connectWith(new BackendAddress("127.0.0.1", server.port()),
                ConnectionSecurity.demo(actingAs)));
        return open(stage, server, backend, audit);
    }

    private static ConsoleOnSimulator open(Stage stage, BackendServer server, Backend backend, AuditSettings audit) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        var window = new MainWindow(backend, LandOutlines.shipped(), audit, Clock.systemUTC());
        stage.setScene(window.scene(1000, 700));
        stage.show();
        return new ConsoleOnSimulator(server, backend, window);
    }

    /** The window at a workstation's size (the headless screen is smaller, the scene need not be), as a PNG. */
    void writeScreenshot(String name) throws Exception {
        var dir = Path.of(System.getProperty("meridian.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        WaitForAsyncUtils.asyncFx(() -> {
            var stage = (Stage) window.root().getScene().getWindow();
            // The headless screen's frame buffer is 1000 x 1000 pixels: a window (or a dialog centred on it) that
            // runs past its bottom fails to draw, so the stage moves to the top left.
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1440);
            stage.setHeight(860);
        }).get(10, TimeUnit.SECONDS);
        Thread.sleep(700);
        WaitForAsyncUtils.waitForFxEvents();
        var image = WaitForAsyncUtils.asyncFx(() -> window.root().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name).toFile());
    }

    @Override
    public void close() {
        window.close();
        backend.close();
        server.close();
    }
}
