package io.meridian.sim;

import io.meridian.cli.Arguments;
import io.meridian.model.session.MeridianVersion;
import io.meridian.server.access.AccessFile;
import io.meridian.server.access.AccessFileException;
import io.meridian.server.access.AccessPolicy;
import io.meridian.server.scenario.Scenario;
import io.meridian.server.scenario.ScenarioException;
import io.meridian.sim.team.DemoTeamCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The standalone backend: {@code java -jar meridian-backend.jar --port 50051 --scenario phase-7p} over the simulated
 * platform, or {@code --platform postgres --platform-file FILE} over live PostgreSQL servers.
 */
public final class BackendMain {
    static final String PASSPHRASE_VARIABLE = "MERIDIAN_AUDIT_PASSPHRASE";
    private static final String USAGE = """
            Usage: meridian-backend [options]
                   meridian-backend demo-team --out DIR --passphrase-file FILE [--scenario NAME]
            Serves the meridian.v1 API over a SIMULATED platform, or a live PostgreSQL one, until stopped (Ctrl-C).
            demo-team creates a local CA and certificates for a scenario's team (demo-team --help).

              --platform sim|postgres  the platform to serve (default sim)
              --platform-file PATH   with --platform postgres: the platform file (docs/postgres.md); passwords come
                                     from the environment variables or .pgpass files it names
              --scenario NAME        shipped scenario: %s (default %s)
              --scenario-file PATH   your own scenario file (docs/scenarios.md)
              --seed N               simulation seed; the same seed gives the same history (default 1)
              --port N               TCP port, 0 for any free port (default 50051)
              --bind ADDRESS         address to listen on (default loopback); beyond loopback TLS is required
              --tls-cert PATH        PEM certificate chain, with --tls-key
              --tls-key PATH         PEM PKCS#8 private key
              --client-ca PATH       PEM CA certificate: require client certificates issued by it (mutual TLS);
                                     with --access
              --access PATH          access file: who each client certificate is, their roles and signing keys
                                     (docs/security.md)
              --demo-identities      let clients act as the scenario's team by name, without proof; loopback
                                     without TLS only
              --tick-ms N            simulation step in milliseconds of platform time (default 1000)
              --speed N              run the platform N times faster than real time, 1 to 60 (default 1): a
                                     5-minute RTO drill is rehearsed in one minute at --speed 5; every time the
                                     backend reports is platform time, and drill reports add wall-clock durations
              --audit-dir PATH       keep a signed audit log of the executed queries there; its keys are encrypted
                                     with the passphrase in MERIDIAN_AUDIT_PASSPHRASE; PATH/trusted-keys.txt holds
                                     the public keys to pin
              --audit-rate N         simulated queries per second, with --audit-dir (default 100)
              --help                 this text
              --version              the version
            On start it prints one line: "meridian-backend listening on HOST:PORT ...".
            """.formatted(String.join(", ", ShippedScenarios.NAMES), ShippedScenarios.DEFAULT);

    private BackendMain() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    /** Runs the command; returns the exit status (0 after a clean stop, 2 for bad input, 1 when serving failed). */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (!args.isEmpty() && args.getFirst().equals(DemoTeamCommand.NAME)) {
            return DemoTeamCommand.run(args.subList(1, args.size()), out, err);
        }
        Arguments a;
        SimulatedBackend.Options options;
        SimulatedAuditLog.Options audit;
        long speed;
        try {
            a = Arguments.parse(args,
                    Set.of("--scenario", "--scenario-file", "--seed", "--port", "--bind", "--tls-cert", "--tls-key",
                            "--client-ca", "--access", "--tick-ms", "--audit-dir", "--audit-rate", "--speed",
                            "--platform", "--platform-file"),
                    Set.of("--help", "--version", "--demo-identities"));
            if (a.has("--help")) {
                out.print(USAGE);
                return 0;
            }
            if (a.has("--version")) {
                out.println("meridian-backend " + MeridianVersion.current());
                return 0;
            }
            var platform = a.value("--platform").orElse("sim");
            if (platform.equals("postgres")) {
                return runPostgres(a, env, out, err);
            }
            if (!platform.equals("sim")) {
                throw new Arguments.UsageException("--platform: '" + platform
                        + "' is not a platform (sim or postgres)");
            }
            if (a.has("--platform-file")) {
                throw new Arguments.UsageException("--platform-file needs --platform postgres");
            }
            options = options(a);
            speed = a.longValue("--speed", 1, 1, (long) ScaledClock.MAX_SPEED);
            audit = audit(a, env);
        } catch (Arguments.UsageException | ScenarioException | AccessFileException e) {
            err.println("meridian-backend: " + e.getMessage());
            return 2;
        }
        try {
            var server = SimulatedBackend.start(options, audit, speed);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "meridian-shutdown"));
            out.printf("meridian-backend listening on %s:%d (SIMULATED, scenario %s, seed %d, %s%s)%n",
                    options.bindAddress().getHostAddress(), server.port(), options.scenario().name(), options.seed(),
                    describe(options), speed == 1 ? "" : ", " + speed + "x faster than real time: times are "
                            + "platform time");
            if (audit != null) {
                out.printf("audit log in %s; keys to pin in %s%n", audit.directory(),
                        audit.directory().resolve("trusted-keys.txt"));
            }
            out.flush();
            server.awaitTermination();
            return 0;
        } catch (IOException e) {
            err.println("meridian-backend: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int runPostgres(Arguments a, Map<String, String> env, PrintStream out, PrintStream err) {
        PostgresLauncher.Options options;
        try {
            var audit = a.has("--audit-dir") ? passphrase(env) : null;
            options = PostgresLauncher.options(a, bind(a), (int) a.longValue("--port", 50051, 0, 65535),
                    a.value("--audit-dir").map(Path::of).orElse(null), audit);
            if (options.demoIdentities() && options.accessFile() != null) {
                throw new Arguments.UsageException("--demo-identities and --access exclude each other");
            }
            if ((options.tlsCertificate() == null) != (options.tlsPrivateKey() == null)) {
                throw new Arguments.UsageException("TLS needs both a certificate chain and a private key");
            }
        } catch (Arguments.UsageException e) {
            err.println("meridian-backend: " + e.getMessage());
            return 2;
        }
        try {
            var server = PostgresLauncher.start(options, env);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "meridian-shutdown"));
            out.printf("meridian-backend listening on %s:%d (LIVE PostgreSQL, platform file %s)%n",
                    options.bind().getHostAddress(), server.port(), options.platformFile());
            if (options.auditDirectory() != null) {
                out.printf("audit log in %s; keys to pin in %s%n", options.auditDirectory(),
                        options.auditDirectory().resolve("trusted-keys.txt"));
            }
            out.flush();
            server.awaitTermination();
            return 0;
        } catch (ScenarioException | AccessFileException e) {
            err.println("meridian-backend: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("meridian-backend: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static char[] passphrase(Map<String, String> env) {
        String passphrase = env.get(PASSPHRASE_VARIABLE);
        if (passphrase == null || passphrase.isEmpty()) {
            throw new Arguments.UsageException("--audit-dir needs the key passphrase in the environment variable "
                    + PASSPHRASE_VARIABLE);
        }
        return passphrase.toCharArray();
    }

    private static SimulatedAuditLog.Options audit(Arguments a, Map<String, String> env) {
        if (!a.has("--audit-dir")) {
            if (a.has("--audit-rate")) {
                throw new Arguments.UsageException("--audit-rate needs --audit-dir");
            }
            return null;
        }
        var passphrase = passphrase(env);
        long rate = a.longValue("--audit-rate", 100, 1, 10_000);
        return new SimulatedAuditLog.Options(Path.of(a.value("--audit-dir").orElseThrow()), passphrase, rate);
    }

    private static String describe(SimulatedBackend.Options options) {
        return switch (options.access().mode()) {
            case CERTIFICATES -> "mutual TLS, identities from " + options.clientCa() + " and the access file";
            case DEMO -> "DEMO IDENTITIES: clients act as the scenario's team by name";
            case ANONYMOUS -> "every caller is the anonymous viewer";
        };
    }

    private static AccessPolicy access(Arguments a, Scenario scenario) throws AccessFileException {
        if (a.has("--demo-identities")) {
            if (a.has("--access")) {
                throw new Arguments.UsageException("--demo-identities and --access exclude each other");
            }
            return AccessPolicy.demo(SimulatedBackend.demoTeam(scenario));
        }
        var file = a.value("--access");
        return file.isPresent() ? AccessPolicy.certificates(AccessFile.load(Path.of(file.get())))
                : AccessPolicy.anonymousOnly();
    }

    private static InetAddress bind(Arguments a) {
        try {
            return a.has("--bind") ? InetAddress.getByName(a.value("--bind").orElseThrow())
                    : InetAddress.getLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new Arguments.UsageException("option --bind: unknown address '" + a.value("--bind").orElse("")
                    + "'");
        }
    }

    private static SimulatedBackend.Options options(Arguments a) throws ScenarioException, AccessFileException {
        var scenario = ShippedScenarios.choose(a.value("--scenario").orElse(null),
                a.value("--scenario-file").map(Path::of).orElse(null));
        var bind = bind(a);
        try {
            return new SimulatedBackend.Options(scenario, a.longValue("--seed", 1, Long.MIN_VALUE, Long.MAX_VALUE),
                    bind, (int) a.longValue("--port", 50051, 0, 65535),
                    Duration.ofMillis(a.longValue("--tick-ms", 1000, 10, 60_000)),
                    a.value("--tls-cert").map(Path::of).orElse(null), a.value("--tls-key").map(Path::of).orElse(null),
                    a.value("--client-ca").map(Path::of).orElse(null), access(a, scenario));
        } catch (IllegalArgumentException e) {
            throw new Arguments.UsageException(e.getMessage());
        }
    }
}
