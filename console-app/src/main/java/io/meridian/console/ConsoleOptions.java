package io.meridian.console;

import io.meridian.cli.Arguments;
import io.meridian.cli.ConnectionOptions;
import io.meridian.client.BackendAddress;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the console was asked to connect to: a standalone backend, or the embedded simulator with a scenario. */
record ConsoleOptions(BackendAddress backend, ConnectionOptions connection, Path trustRoots, String scenario,
                      Path scenarioFile, long seed, boolean help, boolean version) {
    static final String USAGE = """
            Usage: meridian [options]                the console
                   meridian backend [options]        the standalone simulated backend (meridian backend --help)
                   meridian verify-bundle BUNDLE.json --trusted-keys KEYS [--json]   (offline; no display needed)
                   meridian export-bundle --backend HOST:PORT --out FILE [--from N] [--to N]   (no display needed)
            Opens the Meridian console. Without --backend it starts an embedded SIMULATED backend.
            F1 in the console shows the version and the licences of the bundled components.

              --backend HOST:PORT    connect to a standalone backend instead of the embedded one
              --trust-roots FILE     the audit log's keys to trust (docs/audit-format.md section 6); default:
                                     trusted-keys.txt in the configuration directory, or for the embedded
                                     backend the keys the console made for it
            %s  --scenario NAME        embedded scenario: quasim-phase-vii, hvac-multi-region, nautilus-phase-7,
                                     sovren, phase-7p (default: the last one used, at first phase-7p)
              --scenario-file PATH   embedded backend on your own scenario file (docs/scenarios.md)
              --seed N               embedded simulation seed (default 1)
              --help                 this text
              --version              the version
            Preferences (window, last scenario) and pinned audit keys live in $XDG_CONFIG_HOME/meridian
            (~/.config/meridian), verified audit checkpoints and the embedded audit log in $XDG_DATA_HOME/meridian
            (~/.local/share/meridian); one console runs per user: starting a second one brings the first to the front.
            Start-up time: -Dmeridian.startup=report (in JAVA_TOOL_OPTIONS) or MERIDIAN_STARTUP=report prints the
            time to the first topology frame; =exit also closes the window after it.
            """.formatted(ConnectionOptions.USAGE);

    static ConsoleOptions parse(List<String> args) {
        var names = new HashSet<>(ConnectionOptions.NAMES);
        names.addAll(Set.of("--backend", "--trust-roots", "--scenario", "--scenario-file", "--seed"));
        var a = Arguments.parse(args, names, Set.of("--help", "--version"));
        var connection = ConnectionOptions.of(a);
        BackendAddress backend = null;
        if (a.has("--backend")) {
            try {
                backend = BackendAddress.parse(a.value("--backend").orElseThrow());
            } catch (IllegalArgumentException e) {
                throw new Arguments.UsageException("option --backend: " + e.getMessage());
            }
            if (a.has("--scenario") || a.has("--scenario-file") || a.has("--seed")) {
                throw new Arguments.UsageException("--scenario, --scenario-file and --seed choose the embedded "
                        + "backend; a standalone backend chooses its own (see meridian backend --help)");
            }
        } else if (connection.tls()) {
            throw new Arguments.UsageException("--tls-ca, --tls-cert and --tls-key are for a standalone --backend; "
                    + "the embedded backend runs on loopback without TLS (choose who you are with --as)");
        }
        return new ConsoleOptions(backend, connection, a.value("--trust-roots").map(Path::of).orElse(null),
                a.value("--scenario").orElse(null), a.value("--scenario-file").map(Path::of).orElse(null),
                a.longValue("--seed", 1, Long.MIN_VALUE, Long.MAX_VALUE), a.has("--help"), a.has("--version"));
    }
}
