package io.meridian.postgres.platformfile;

import java.util.List;

/**
 * The {@code postgres} object of a platform file (docs/postgres.md): how to reach each replica of the scenario and
 * with which credentials. Fields are exactly the JSON fields; {@link SectionValidator} checks them, so a section
 * that leaves {@link PlatformFileLoader} is complete. Passwords are never here: a credential names an environment
 * variable or a {@code .pgpass} file.
 */
public record PostgresSection(
        Credential monitor,
        Credential action,
        Integer probeIntervalMillis,
        Integer missedProbes,
        Integer connectTimeoutMillis,
        Integer switchoverTimeoutSeconds,
        List<String> fencingCommand,
        List<String> rejoinCommand,
        List<ServerSpec> servers) {

    public static final int DEFAULT_PROBE_INTERVAL_MILLIS = 1000;
    public static final int DEFAULT_MISSED_PROBES = 3;
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 2000;
    public static final int DEFAULT_SWITCHOVER_TIMEOUT_SECONDS = 30;
    /**
     * What a fencing or rejoin command may name; each argument is one word (no shell), placeholders are replaced by
     * the values of the server acted on ({@code {replica}}, {@code {region}}, {@code {host}}, {@code {port}},
     * {@code {cluster}}) and of the new primary ({@code {primaryHost}}, {@code {primaryPort}}).
     */
    public static final List<String> COMMAND_PLACEHOLDERS = List.of("{replica}", "{region}", "{host}", "{port}",
            "{cluster}", "{primaryHost}", "{primaryPort}");

    /** A user and where its password is: an environment variable ({@code passwordEnv}) or a {@code .pgpass} file. */
    public record Credential(String user, String passwordEnv, String passfile) {}

    /**
     * Where one replica of the scenario runs. {@code tlsMode} is libpq's {@code sslmode}; {@code monitor} and
     * {@code action} override the section's credentials for this server only.
     */
    public record ServerSpec(String replica, String host, Integer port, String database, String tlsMode,
                             String tlsRootCert, Credential monitor, Credential action) {}

    public int probeIntervalMillisOrDefault() {
        return probeIntervalMillis == null ? DEFAULT_PROBE_INTERVAL_MILLIS : probeIntervalMillis;
    }

    public int missedProbesOrDefault() {
        return missedProbes == null ? DEFAULT_MISSED_PROBES : missedProbes;
    }

    public int connectTimeoutMillisOrDefault() {
        return connectTimeoutMillis == null ? DEFAULT_CONNECT_TIMEOUT_MILLIS : connectTimeoutMillis;
    }

    public int switchoverTimeoutSecondsOrDefault() {
        return switchoverTimeoutSeconds == null ? DEFAULT_SWITCHOVER_TIMEOUT_SECONDS : switchoverTimeoutSeconds;
    }

    public List<String> fencingCommandOrEmpty() {
        return fencingCommand == null ? List.of() : fencingCommand;
    }

    public List<String> rejoinCommandOrEmpty() {
        return rejoinCommand == null ? List.of() : rejoinCommand;
    }
}
