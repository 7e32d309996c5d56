package io.meridian.postgres.connect;

import io.meridian.postgres.platformfile.PostgresSection;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Opens JDBC connections to a server with one of its two credentials, finding the password in the environment
 * variable or {@code .pgpass} file that the platform file names, and turns every failure into one sentence naming
 * the region and the server.
 */
public final class Connector {
    /** Which credential: the read-only monitor ({@code pg_monitor}) or the one that carries out actions. */
    public enum Role {
        MONITOR("monitor"), ACTION("action");

        private final String label;

        Role(String label) {
            this.label = label;
        }
    }

    private final Function<String, String> environment;
    private final int connectTimeoutMillis;

    public Connector(Map<String, String> environment, int connectTimeoutMillis) {
        this.environment = environment::get;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public Connection open(Server server, Role role) throws ServerException {
        var credential = role == Role.MONITOR ? server.monitor() : server.action();
        var props = new Properties();
        props.setProperty("user", credential.user());
        props.setProperty("password", password(server, role, credential));
        props.setProperty("sslmode", server.spec().tlsMode());
        if (server.spec().tlsRootCert() != null) {
            props.setProperty("sslrootcert", server.spec().tlsRootCert());
        }
        // pgjdbc takes whole seconds; round up so that a 500 ms setting is not "no timeout".
        int seconds = Math.max(1, (connectTimeoutMillis + 999) / 1000);
        props.setProperty("connectTimeout", Integer.toString(seconds));
        props.setProperty("loginTimeout", Integer.toString(seconds));
        props.setProperty("ApplicationName", "meridian-" + role.label);
        props.setProperty("tcpKeepAlive", "true");
        if (role == Role.MONITOR) {
            // A probe that hangs on a sick server must not hold its thread for longer than a few intervals.
            props.setProperty("socketTimeout", Integer.toString(Math.max(2, seconds * 2)));
            props.setProperty("options", "-c statement_timeout=" + Math.max(1000, connectTimeoutMillis * 2));
        }
        var url = "jdbc:postgresql://" + bracketed(server.host()) + ":" + server.port() + "/"
                + server.spec().database();
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw new ServerException(server.where() + ": " + ConnectionErrors.describe(e, credential.user(),
                    server.spec()), ConnectionErrors.unreachable(e), e);
        }
    }

    private String password(Server server, Role role, PostgresSection.Credential c) throws ServerException {
        if (c.passwordEnv() != null) {
            var value = environment.apply(c.passwordEnv());
            if (value == null) {
                throw new ServerException(server.where() + ": the " + role.label + " password for user '"
                        + c.user() + "' is to be in the environment variable " + c.passwordEnv()
                        + ", which is not set", false);
            }
            return value;
        }
        try {
            return PgPass.lookup(Path.of(c.passfile()), server.host(), server.port(), server.spec().database(),
                    c.user()).orElseThrow(() -> new ServerException(server.where() + ": " + c.passfile()
                    + " has no line for " + server.host() + ":" + server.port() + ":" + server.spec().database()
                    + ":" + c.user() + " (the " + role.label + " credential)", false));
        } catch (IOException e) {
            throw new ServerException(server.where() + ": cannot read the password file " + c.passfile() + " ("
                    + e.getClass().getSimpleName() + ")", false, e);
        }
    }

    private static String bracketed(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
