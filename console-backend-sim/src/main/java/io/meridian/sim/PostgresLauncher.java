package io.meridian.sim;

import io.meridian.cli.Arguments;
import io.meridian.model.topology.Region;
import io.meridian.postgres.PostgresPlatform;
import io.meridian.postgres.platformfile.PlatformFileLoader;
import io.meridian.server.BackendServer;
import io.meridian.server.access.AccessFile;
import io.meridian.server.access.AccessFileException;
import io.meridian.server.access.AccessPolicy;
import io.meridian.server.audit.AuditDirectory;
import io.meridian.server.audit.BackendAudit;
import io.meridian.server.failover.FailoverPolicy;
import io.meridian.server.scenario.ScenarioException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code meridian-backend --platform postgres --platform-file FILE}: the standalone backend over live PostgreSQL
 * servers. It lives beside {@link BackendMain} because the launcher is the one place that knows both platforms;
 * the PostgreSQL module itself never depends on the simulator.
 */
final class PostgresLauncher {
    /** Options that only the simulator takes. */
    static final List<String> SIMULATOR_ONLY = List.of("--scenario", "--scenario-file", "--seed", "--tick-ms",
            "--audit-rate");

    /** What the launcher needs: the validated platform file and where to listen. */
    record Options(Path platformFile, InetAddress bind, int port, Path tlsCertificate, Path tlsPrivateKey,
                   Path clientCa, Path accessFile, boolean demoIdentities, Path auditDirectory, char[] passphrase) {}

    /** A lag figure older than five probes is frozen; an execution is expected to take about ten seconds. */
    static final Duration LAG_FRESHNESS = Duration.ofSeconds(5);
    static final Duration EXPECTED_EXECUTION = Duration.ofSeconds(10);

    private PostgresLauncher() {
    }

    static Options options(Arguments a, InetAddress bind, int port, Path auditDirectory, char[] passphrase) {
        for (var option : SIMULATOR_ONLY) {
            if (a.has(option)) {
                throw new Arguments.UsageException(option + " applies to the simulated platform only; a PostgreSQL "
                        + "platform is described by --platform-file");
            }
        }
        var file = a.value("--platform-file").orElseThrow(() -> new Arguments.UsageException(
                "--platform postgres needs --platform-file FILE (docs/postgres.md)"));
        return new Options(Path.of(file), bind, port, a.value("--tls-cert").map(Path::of).orElse(null),
                a.value("--tls-key").map(Path::of).orElse(null), a.value("--client-ca").map(Path::of).orElse(null),
                a.value("--access").map(Path::of).orElse(null), a.has("--demo-identities"), auditDirectory,
                passphrase);
    }

    /** Loads and checks the platform file, then serves; returns the server and the banner line to print. */
    static BackendServer start(Options options, Map<String, String> environment)
            throws ScenarioException, AccessFileException, IOException {
        var file = PlatformFileLoader.load(options.platformFile());
        var access = options.demoIdentities() ? AccessPolicy.demo(SimulatedBackend.demoTeam(file.scenario()))
                : options.accessFile() != null ? AccessPolicy.certificates(AccessFile.load(options.accessFile()))
                : AccessPolicy.anonymousOnly();
        SocketBackend.refuseWithoutTls(options.bind(), options.tlsCertificate() != null);
        var platform = new PostgresPlatform(file, environment, Clock.systemUTC());
        BackendAudit audit = null;
        if (options.auditDirectory() != null) {
            try {
                audit = AuditDirectory.open(options.auditDirectory(), options.passphrase(),
                        "meridian-postgres/audit/" + file.scenario().name(),
                        platform.topology().regions().stream().map(Region::id).toList(), "postgres",
                        platform.auditSource());
            } catch (IOException e) {
                platform.close();
                throw new IOException("audit log in " + options.auditDirectory() + ": " + e.getMessage(), e);
            }
        }
        return SocketBackend.serve(new SocketBackend.Listen(options.bind(), options.port(), options.tlsCertificate(),
                        options.tlsPrivateKey(), options.clientCa()), platform, Clock.systemUTC(), List.of(), audit,
                FailoverPolicy.of(file.scenario(), LAG_FRESHNESS, EXPECTED_EXECUTION), access);
    }
}
