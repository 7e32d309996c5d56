package io.meridian.postgres.connect;

import io.meridian.postgres.platformfile.PostgresSection;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;

/** Failure wording: what happened and what to check, from the SQL state and the cause's type. */
public final class ConnectionErrors {
    private ConnectionErrors() {
    }

    public static String describe(SQLException e, String user, PostgresSection.ServerSpec spec) {
        var tls = TlsErrors.describe(e, spec);
        if (tls.isPresent()) {
            return tls.get();
        }
        var database = spec.database();
        var state = e.getSQLState() == null ? "" : e.getSQLState();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host (the name does not resolve)";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "connection refused (is PostgreSQL running and listening there?)";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer in time (host down, or a firewall drops the packets)";
            }
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "authentication failed for user '" + user + "': wrong password, or no pg_hba.conf entry "
                    + "lets this user in (" + firstLine(e.getMessage()) + ")";
        }
        if (state.equals("3D000")) {
            return "database '" + database + "' does not exist";
        }
        if (notPostgres(e)) {
            return "the server does not speak the PostgreSQL protocol (is it PostgreSQL? "
                    + firstLine(e.getMessage()) + ")";
        }
        if (state.startsWith("08")) {
            return "connection lost (" + firstLine(e.getMessage()) + ")";
        }
        return firstLine(e.getMessage()) + (state.isEmpty() ? "" : " (SQL state " + state + ")");
    }

    /**
     * True when the server did not answer: refused or timed-out connections, a name that does not resolve, a
     * connection that broke (SQL state class 08) or a server shutting down (57P01..57P03). A TLS failure is not:
     * the server answered with a certificate that is not accepted.
     */
    public static boolean unreachable(SQLException e) {
        var state = e.getSQLState() == null ? "" : e.getSQLState();
        if (TlsErrors.isTls(e)) {
            return false;
        }
        if (cause(e, UnknownHostException.class, ConnectException.class, NoRouteToHostException.class,
                SocketTimeoutException.class).isPresent()) {
            return true;
        }
        if (notPostgres(e)) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("57P");
    }

    /**
     * A protocol violation during session set-up: something answers on the port, but not PostgreSQL. A connection
     * to a real server that breaks later (an I/O error, SQL state 08006) is a lost connection instead.
     */
    private static boolean notPostgres(SQLException e) {
        return "08P01".equals(e.getSQLState())
                || e.getMessage() != null && e.getMessage().startsWith("Protocol error");
    }

    /** The first throwable in {@code e}'s cause chain, {@code e} included, that is one of {@code types}. */
    @SafeVarargs
    static Optional<Throwable> cause(Throwable e, Class<? extends Throwable>... types) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (var type : types) {
                if (type.isInstance(t)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    public static String firstLine(String message) {
        return message == null ? "no detail" : message.lines().findFirst().orElse(message).strip();
    }
}
