package io.meridian.console.shell;

import atlantafx.base.theme.PrimerDark;
import io.meridian.client.BackendAddress;
import io.meridian.client.grpc.GrpcBackend;
import io.meridian.console.map.LandOutlines;
import io.meridian.server.BackendServer;
import io.meridian.sim.ShippedScenarios;
import io.meridian.sim.SimulatedBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window on a stage, against a simulated backend on a loopback socket, for the UI tests; closing it
 * closes window, client and server. Screenshots go to the folder in the {@code meridian.screenshots} property.
 */
record ConsoleOnSimulator(BackendServer server, GrpcBackend backend, MainWindow window) implements AutoCloseable {

    static ConsoleOnSimulator show(Stage stage, String scenario, long seed) throws Exception {
        var server = SimulatedBackend.start(SimulatedBackend.Options.embedded(ShippedScenarios.load(scenario), seed));
        var backend = GrpcBackend.connect(new BackendAddress("127.0.0.1", server.port()), null);
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        var window = new MainWindow(backend, LandOutlines.shipped(), Clock.systemUTC());
        stage.setScene(window.scene(1000, 700));
        stage.show();
        return new ConsoleOnSimulator(server, backend, window);
    }

    /** The console on a stage, connected to a backend the test built (its own identities, audit log, timing). */
    static ConsoleOnSimulator on(Stage stage, BackendServer server) throws Exception {
        var backend = GrpcBackend.connect(new BackendAddress("127.0.0.1", server.port()), null);
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        var window = new MainWindow(backend, LandOutlines.shipped(), Clock.systemUTC());
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
