package io.meridian.console;

import atlantafx.base.theme.PrimerDark;
import io.meridian.audit.cli.ExportBundleCommand;
import io.meridian.audit.cli.VerifyBundleCommand;
import io.meridian.cli.Arguments;
import io.meridian.client.Backend;
import io.meridian.client.BackendException;
import io.meridian.console.embedded.EmbeddedBackend;
import io.meridian.console.map.LandOutlines;
import io.meridian.console.shell.MainWindow;
import io.meridian.model.session.MeridianVersion;
import io.meridian.server.scenario.ScenarioException;
import io.meridian.sim.ShippedScenarios;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The console's entry point. Bad options, a broken scenario or a backend that cannot be started end here with a
 * message on stderr and a non-zero exit, before any window opens; a backend lost later is the window's business.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // The audit commands need no display: dispatch before anything touches JavaFX.
        if (args.length > 0 && args[0].equals(VerifyBundleCommand.NAME)) {
            System.exit(VerifyBundleCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals(ExportBundleCommand.NAME)) {
            System.exit(ExportBundleCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
            return;
        }
        ConsoleOptions options;
        try {
            options = ConsoleOptions.parse(List.of(args));
        } catch (Arguments.UsageException e) {
            System.err.println("meridian: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(ConsoleOptions.USAGE);
            return;
        }
        if (options.version()) {
            System.out.println("meridian " + MeridianVersion.current());
            return;
        }
        Backend backend;
        try {
            backend = connect(options);
        } catch (ScenarioException | BackendException | IOException e) {
            System.err.println("meridian: " + e.getMessage());
            System.exit(2);
            return;
        }
        var land = LandOutlines.shipped();
        try {
            Platform.startup(() -> open(backend, land));
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // No display, or no GTK: say so instead of a stack trace.
            backend.close();
            System.err.println("meridian: cannot open a window: " + e.getMessage()
                    + " (needs a display and GTK 3; see installers/linux/install-runtime-deps.sh)");
            System.exit(1);
        }
    }

    /** Embedded unless --backend is given; a remote backend must answer and speak our API before a window opens. */
    static Backend connect(ConsoleOptions options) throws ScenarioException, BackendException, IOException {
        if (options.backend() == null) {
            var scenario = ShippedScenarios.choose(options.scenario(), options.scenarioFile());
            return EmbeddedBackend.start(scenario, options.seed());
        }
        var backend = Backend.connect(options.backend(), options.trustedCertificates());
        try {
            backend.session();
        } catch (BackendException e) {
            backend.close();
            throw e;
        }
        return backend;
    }

    private static void open(Backend backend, LandOutlines land) {
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        var window = new MainWindow(backend, land, Clock.systemUTC());
        var stage = new Stage();
        stage.setTitle("Meridian · " + backend.target());
        stage.setScene(window.scene(1500, 900));
        stage.setOnHidden(e -> {
            window.close();
            Thread.ofPlatform().start(() -> {
                backend.close();
                Platform.exit();
            });
        });
        stage.show();
    }
}
