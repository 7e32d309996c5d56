package io.meridian.postgres.platformfile;

import io.meridian.server.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The meaning of a postgres section against its scenario: every replica has exactly one server, credentials name
 * where a password is without holding it, TLS is verified beyond loopback. Reports every problem, each with its
 * JSON path, as the scenario validator does.
 */
final class SectionValidator {
    static final Set<String> TLS_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final Set<String> VERIFIED = Set.of("verify-ca", "verify-full");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");

    private SectionValidator() {
    }

    static List<String> problems(Scenario scenario, PostgresSection section) {
        var problems = new ArrayList<String>();
        if (section == null) {
            problems.add("postgres: required (how to reach each replica, docs/postgres.md)");
            return problems;
        }
        credential("postgres.monitor", section.monitor(), true, problems);
        credential("postgres.action", section.action(), true, problems);
        if (section.monitor() != null && section.action() != null && section.monitor().user() != null
                && section.monitor().user().equals(section.action().user())) {
            problems.add("postgres.action.user: the action user must differ from the monitor user ('"
                    + section.monitor().user() + "'): monitoring is read-only, actions need their own credential");
        }
        range("postgres.probeIntervalMillis", section.probeIntervalMillis(), 100, 60_000, problems);
        range("postgres.missedProbes", section.missedProbes(), 1, 100, problems);
        range("postgres.connectTimeoutMillis", section.connectTimeoutMillis(), 100, 60_000, problems);
        range("postgres.switchoverTimeoutSeconds", section.switchoverTimeoutSeconds(), 1, 3600, problems);
        command("postgres.fencingCommand", section.fencingCommand(), problems);
        command("postgres.rejoinCommand", section.rejoinCommand(), problems);
        servers(scenario, section.servers(), problems);
        return problems;
    }

    private static void servers(Scenario scenario, List<PostgresSection.ServerSpec> servers, List<String> problems) {
        var replicas = new HashMap<String, String>();
        scenario.clusters().forEach(c -> c.replicas().forEach(r -> replicas.put(r.id(), c.id())));
        if (servers == null || servers.isEmpty()) {
            problems.add("postgres.servers: required, one entry per replica of the scenario");
            return;
        }
        var seen = new HashSet<String>();
        Map<String, String> addresses = new HashMap<>();
        for (int i = 0; i < servers.size(); i++) {
            var s = servers.get(i);
            var at = "postgres.servers[" + i + "]";
            if (s.replica() == null) {
                problems.add(at + ".replica: required (the id of a replica in clusters)");
            } else if (!replicas.containsKey(s.replica())) {
                problems.add(at + ".replica: '" + s.replica() + "' is not a replica of any cluster");
            } else if (!seen.add(s.replica())) {
                problems.add(at + ".replica: replica '" + s.replica() + "' already has a server");
            }
            text(at + ".host", s.host(), problems);
            if (s.port() == null) {
                problems.add(at + ".port: required");
            } else {
                range(at + ".port", s.port(), 1, 65_535, problems);
            }
            text(at + ".database", s.database(), problems);
            tls(at, s, problems);
            if (s.host() != null && s.port() != null) {
                var previous = addresses.putIfAbsent(s.host() + ":" + s.port(), s.replica());
                if (previous != null) {
                    problems.add(at + ".port: " + s.host() + ":" + s.port() + " is already the server of replica '"
                            + previous + "'");
                }
            }
            credential(at + ".monitor", s.monitor(), false, problems);
            credential(at + ".action", s.action(), false, problems);
        }
        replicas.keySet().stream().filter(r -> !seen.contains(r)).sorted().forEach(r -> problems.add(
                "postgres.servers: replica '" + r + "' of cluster '" + replicas.get(r) + "' has no server"));
    }

    private static void tls(String at, PostgresSection.ServerSpec s, List<String> problems) {
        if (s.tlsMode() == null) {
            problems.add(at + ".tlsMode: required (one of " + String.join(", ", TLS_MODES.stream().sorted()
                    .toList()) + ")");
            return;
        }
        if (!TLS_MODES.contains(s.tlsMode())) {
            problems.add(at + ".tlsMode: '" + s.tlsMode() + "' is not a TLS mode (one of "
                    + String.join(", ", TLS_MODES.stream().sorted().toList()) + ")");
            return;
        }
        if (s.host() != null && !loopback(s.host()) && !VERIFIED.contains(s.tlsMode())) {
            problems.add(at + ".tlsMode: '" + s.tlsMode() + "' for " + s.host()
                    + ", which is not loopback: use verify-full (or verify-ca) so the server is authenticated");
        }
        if (VERIFIED.contains(s.tlsMode()) && s.tlsRootCert() == null) {
            problems.add(at + ".tlsRootCert: required with tlsMode " + s.tlsMode()
                    + " (the CA certificate that signed the server's certificate, PEM)");
        }
        if (s.tlsRootCert() != null) {
            text(at + ".tlsRootCert", s.tlsRootCert(), problems);
        }
    }

    static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.startsWith("/");
    }

    private static void credential(String at, PostgresSection.Credential c, boolean required, List<String> problems) {
        if (c == null) {
            if (required) {
                problems.add(at + ": required ({\"user\": ..., \"passwordEnv\": ...} or {\"user\": ..., "
                        + "\"passfile\": ...})");
            }
            return;
        }
        text(at + ".user", c.user(), problems);
        if ((c.passwordEnv() == null) == (c.passfile() == null)) {
            problems.add(at + ": give exactly one of passwordEnv (an environment variable's name) and passfile "
                    + "(a .pgpass file); the password itself never goes into the file");
        }
        if (c.passwordEnv() != null && !ENV_NAME.matcher(c.passwordEnv()).matches()) {
            problems.add(at + ".passwordEnv: '" + c.passwordEnv() + "' is not an environment variable name "
                    + "(letters, digits and _, not starting with a digit)");
        }
        if (c.passfile() != null) {
            text(at + ".passfile", c.passfile(), problems);
        }
    }

    private static void command(String at, List<String> command, List<String> problems) {
        if (command == null) {
            return;
        }
        if (command.isEmpty()) {
            problems.add(at + ": leave it out or give the program and its arguments");
            return;
        }
        for (int i = 0; i < command.size(); i++) {
            text(at + "[" + i + "]", command.get(i), problems);
            var m = PLACEHOLDER.matcher(command.get(i));
            while (m.find()) {
                if (!PostgresSection.COMMAND_PLACEHOLDERS.contains(m.group())) {
                    problems.add(at + "[" + i + "]: unknown placeholder " + m.group() + " (known: "
                            + String.join(", ", PostgresSection.COMMAND_PLACEHOLDERS) + ")");
                }
            }
        }
    }

    private static void text(String at, String value, List<String> problems) {
        if (value == null) {
            problems.add(at + ": required");
        } else if (value.isBlank()) {
            problems.add(at + ": must not be blank");
        }
    }

    private static void range(String at, Integer value, int min, int max, List<String> problems) {
        if (value != null && (value < min || value > max)) {
            problems.add(at + ": " + value + " is out of range (" + min + " to " + max + ")");
        }
    }
}
