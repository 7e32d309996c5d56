package io.meridian.console;

import atlantafx.base.theme.PrimerDark;
import io.meridian.audit.cli.ExportBundleCommand;
import io.meridian.audit.cli.VerifyBundleCommand;
import io.meridian.cli.Arguments;
import io.meridian.client.ActingIdentities;
import io.meridian.client.ActingIdentity;
import io.meridian.client.Backend;
import io.meridian.client.BackendException;
import io.meridian.console.audit.AuditSettings;
import io.meridian.console.audit.TrustRoots;
import io.meridian.console.embedded.EmbeddedAudit;
import io.meridian.console.embedded.EmbeddedBackend;
import io.meridian.console.map.LandOutlines;
import io.meridian.console.shell.ConsoleStage;
import io.meridian.console.shell.StartupProbe;
import io.meridian.console.userdata.Preferences;
import io.meridian.console.userdata.SingleInstance;
import io.meridian.console.userdata.UserData;
import io.meridian.console.userdata.UserDataException;
import io.meridian.console.userdata.UserDirectories;
import io.meridian.model.session.MeridianVersion;
import io.meridian.model.session.SessionInfo;
import io.meridian.server.scenario.ScenarioException;
import io.meridian.sim.ShippedScenarios;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javafx.application.Application;
import javafx.application.Platform;

/**
 * The console's entry point. Bad options, a broken scenario, an unusable user directory or a backend that cannot be
 * started end here with a message on stderr and a non-zero exit, before any window opens; a backend lost later is
 * the window's business. A second console on the same account brings the first to the front and stops.
 */
public final class Main {
    /** How long connecting to a standalone backend (a TLS handshake included) may take before its first call. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

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
        StartupProbe probe;
        try {
            options = ConsoleOptions.parse(List.of(args));
            probe = StartupProbe.fromEnvironment();
        } catch (Arguments.UsageException | IllegalArgumentException e) {
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
        var consoleStage = new ConsoleStage(probe);
        UserData userData;
        SingleInstance instance;
        try {
            userData = UserData.open(UserDirectories.current(), Clock.systemUTC());
            instance = SingleInstance.acquire(userData.directories().state(), consoleStage::focus);
        } catch (UserDataException e) {
            System.err.println("meridian: " + e.getMessage());
            System.exit(1);
            return;
        } catch (SingleInstance.AlreadyRunning e) {
            System.err.println("meridian: " + e.getMessage());
            System.exit(e.focused() ? 0 : 1);
            return;
        }
        userData.notice().ifPresent(notice -> System.err.println("meridian: " + notice));
        var scenario = scenarioName(options, userData.preferences());
        // The backend comes up on its own thread while the toolkit starts and the map is read (docs/benchmarks.md).
        var backendStart = new FutureTask<>(() -> {
            var started = connect(options, scenario, userData.directories());
            probe.mark("backend started");
            return started;
        });
        Thread.ofPlatform().name("meridian-backend-start").start(backendStart);
        var land = LandOutlines.shipped();
        probe.mark("map read");
        try {
            Platform.startup(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
            probe.mark("toolkit started");
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // No display, or no GTK: say so instead of a stack trace.
            started(backendStart).ifPresent(Backend::close);
            instance.close();
            System.err.println("meridian: cannot open a window: " + e.getMessage()
                    + " (needs a display and GTK 3; see installers/linux/install-runtime-deps.sh)");
            System.exit(1);
            return;
        }
        var backend = started(backendStart).orElse(null);
        if (backend == null) {
            instance.close();
            System.exit(2);
            return;
        }
        var remembered = options.backend() == null && scenario != null
                ? userData.preferences().withLastScenario(scenario) : userData.preferences();
        var audit = AuditSettings.of(trustRoots(options, backend, userData.directories()), userData.directories());
        Platform.runLater(() -> consoleStage.open(backend, land, audit, remembered, userData.notice(), bounds -> {
            save(userData, remembered.withWindow(bounds));
            Thread.ofPlatform().start(() -> {
                backend.close();
                instance.close();
                Platform.exit();
            });
        }));
    }

    /** The started backend, or empty after saying on stderr why it could not start. */
    private static Optional<Backend> started(FutureTask<Backend> backendStart) {
        try {
            return Optional.of(backendStart.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ScenarioException || e.getCause() instanceof BackendException
                    || e.getCause() instanceof IOException) {
                System.err.println("meridian: " + e.getCause().getMessage());
                return Optional.empty();
            }
            throw new IllegalStateException("the backend failed to start", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The shipped scenario for the embedded backend: the one asked for, else the last one used, else the default;
     * null with --scenario-file.
     */
    static String scenarioName(ConsoleOptions options, Preferences preferences) {
        if (options.scenario() != null || options.scenarioFile() != null) {
            return options.scenario();
        }
        var last = preferences.lastScenario();
        return last != null && ShippedScenarios.NAMES.contains(last) ? last : ShippedScenarios.DEFAULT;
    }

    /**
     * The audit keys to trust: those named by --trust-roots, else for the embedded backend the keys the console made
     * for it, else the ones pinned in the configuration directory. Never keys the backend offers.
     */
    static TrustRoots trustRoots(ConsoleOptions options, Backend backend, UserDirectories directories) {
        if (options.trustRoots() == null && backend instanceof EmbeddedBackend embedded) {
            return embedded.trustRoots();
        }
        return AuditSettings.pinnedFor(options.trustRoots(), directories);
    }

    /** Embedded unless --backend is given; a remote backend must answer and speak our API before a window opens. */
    static Backend connect(ConsoleOptions options, String scenarioName, UserDirectories directories)
            throws ScenarioException, BackendException, IOException {
        if (options.backend() == null) {
            var scenario = ShippedScenarios.choose(scenarioName, options.scenarioFile());
            return EmbeddedBackend.start(scenario, options.seed(), options.connection().demoIdentity(),
                    new EmbeddedAudit(directories));
        }
        var security = options.connection().security();
        var signingKey = options.connection().openSigningKey();
        var backend = Backend.connectWith(options.backend(), security);
        SessionInfo session;
        try {
            // Connect first: a cold TLS handshake must not eat the session call's deadline.
            backend.awaitConnected(CONNECT_TIMEOUT);
            session = backend.session();
        } catch (BackendException e) {
            backend.close();
            throw e;
        }
        if (signingKey.isEmpty()) {
            return backend;
        }
        backend.close();
        // The certificate says who we are, the backend which roles that gives; the key signs our decisions.
        var caller = session.caller();
        var me = new ActingIdentity(caller.identity(), caller.identity(), caller.roles(), signingKey.get());
        var acting = Backend.connectWith(options.backend(), security, ActingIdentities.single(me));
        acting.awaitConnected(CONNECT_TIMEOUT);
        return acting;
    }

    private static void save(UserData userData, Preferences preferences) {
        try {
            userData.save(preferences);
        } catch (UserDataException e) {
            System.err.println("meridian: " + e.getMessage());
        }
    }
}
