package io.meridian.sim.team;

import io.meridian.cli.Arguments;
import io.meridian.keys.KeyFileException;
import io.meridian.keys.PassphraseFile;
import io.meridian.server.scenario.ScenarioException;
import io.meridian.sim.ShippedScenarios;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code meridian backend demo-team}: a local CA and a scenario's demo team for mutual TLS (see
 * {@link DemoTeamFiles}), then the commands that start a backend and a console with them.
 */
public final class DemoTeamCommand {
    public static final String NAME = "demo-team";
    static final int MIN_PASSPHRASE = 12;
    private static final String USAGE = """
            Usage: meridian backend demo-team --out DIR --passphrase-file FILE [options]
            Creates a local CA, a server certificate for this machine, and for each person of the scenario's team a
            client certificate, an encrypted TLS key and an encrypted Ed25519 signing key, plus DIR/access.json.

              --out DIR               new or empty folder to write to
              --passphrase-file FILE  the passphrase (first line, at least %d characters) that encrypts every
                                      person's keys and the CA key; e.g. openssl rand -base64 24 > FILE
              --scenario NAME         shipped scenario whose team to use: %s (default %s)
              --scenario-file PATH    your own scenario file with a "team"
              --days N                validity of the certificates in days (default 90)
              --help                  this text
            """.formatted(MIN_PASSPHRASE, String.join(", ", ShippedScenarios.NAMES), ShippedScenarios.DEFAULT);

    private DemoTeamCommand() {
    }

    /** Runs the command; 0 on success, 2 for bad input, 1 when writing failed. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        char[] passphrase = null;
        try {
            var a = Arguments.parse(args, Set.of("--out", "--passphrase-file", "--scenario", "--scenario-file",
                    "--days"), Set.of("--help"));
            if (a.has("--help")) {
                out.print(USAGE);
                return 0;
            }
            var folder = Path.of(a.value("--out").orElseThrow(() -> new Arguments.UsageException(
                    "--out DIR is required")));
            var passphraseFile = Path.of(a.value("--passphrase-file").orElseThrow(() ->
                    new Arguments.UsageException("--passphrase-file FILE is required")));
            var scenario = ShippedScenarios.choose(a.value("--scenario").orElse(null),
                    a.value("--scenario-file").map(Path::of).orElse(null));
            var validity = Duration.ofDays(a.longValue("--days", 90, 1, 3650));
            passphrase = PassphraseFile.read(passphraseFile, MIN_PASSPHRASE);
            var layout = DemoTeamFiles.write(folder, scenario, passphrase, validity);
            out.println("demo team of " + scenario.name() + " written to " + folder + ":");
            for (var member : scenario.team()) {
                out.printf("  %-20s %-28s %s%n", member.id(), member.name(), String.join(", ", member.roles()));
            }
            out.println();
            out.println("start the backend:  ./meridian backend --scenario " + scenario.name() + " --tls-cert "
                    + layout.serverCertificate() + " --tls-key " + layout.serverKey() + " --client-ca " + layout.ca()
                    + " --access " + layout.access());
            var first = scenario.team().getFirst().id();
            out.println("connect a console:  ./meridian --backend localhost:50051 --tls-ca " + layout.ca()
                    + " --tls-cert " + layout.clientCertificate(first) + " --tls-key " + layout.clientKey(first)
                    + " --passphrase-file " + passphraseFile);
            return 0;
        } catch (Arguments.UsageException | ScenarioException e) {
            err.println("meridian backend demo-team: " + e.getMessage());
            return 2;
        } catch (IOException | KeyFileException e) {
            err.println("meridian backend demo-team: " + e.getMessage());
            return 1;
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }
}
