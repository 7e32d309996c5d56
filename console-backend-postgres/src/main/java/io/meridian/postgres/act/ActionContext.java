package io.meridian.postgres.act;

import io.meridian.postgres.connect.Connector;
import io.meridian.postgres.connect.Server;
import io.meridian.postgres.connect.ServerException;
import io.meridian.postgres.observe.ObservationLoop;
import io.meridian.postgres.platformfile.PostgresSection;
import io.meridian.server.platform.PlatformActionException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What every phase needs: the servers, action connections, the observer's latest view, the configured commands and
 * timeouts, and SQL helpers whose failures become messages naming the server.
 */
final class ActionContext {
    final Map<String, Server> servers;
    final Connector connector;
    final ObservationLoop observation;
    final PostgresSection section;
    final Duration timeout;

    ActionContext(Map<String, Server> servers, Connector connector, ObservationLoop observation,
                  PostgresSection section) {
        this.servers = servers;
        this.connector = connector;
        this.observation = observation;
        this.section = section;
        this.timeout = Duration.ofSeconds(section.switchoverTimeoutSecondsOrDefault());
    }

    Server server(String replicaId) throws PlatformActionException {
        var server = servers.get(replicaId);
        if (server == null) {
            throw new PlatformActionException("no server for replica '" + replicaId + "' in the platform file");
        }
        return server;
    }

    /** Every server of a cluster, in platform-file order. */
    List<Server> cluster(String clusterId) {
        return servers.values().stream().filter(s -> s.clusterId().equals(clusterId)).toList();
    }

    Connection open(Server server) throws PlatformActionException {
        try {
            var connection = connector.open(server, Connector.Role.ACTION);
            connection.setAutoCommit(true);
            return connection;
        } catch (ServerException e) {
            throw new PlatformActionException(e.getMessage(), e);
        } catch (SQLException e) {
            throw failure(server, "opening a session", e);
        }
    }

    static long queryLong(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            long value = rs.getLong(1);
            return rs.wasNull() ? -1 : value;
        }
    }

    static String queryString(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static PlatformActionException failure(Server server, String doing, SQLException e) {
        var message = e.getMessage() == null ? "no detail" : e.getMessage().lines().findFirst().orElse("").strip();
        return new PlatformActionException(server.where() + ": " + doing + " failed: " + message, e);
    }

    /** Placeholder values for a configured command acting on {@code server}, with {@code primary} the new one. */
    static Map<String, String> placeholders(Server server, Server primary) {
        return Map.of("{replica}", server.replicaId(), "{region}", server.regionId(), "{host}", server.host(),
                "{port}", Integer.toString(server.port()), "{cluster}", server.clusterId(),
                "{primaryHost}", primary.host(), "{primaryPort}", Integer.toString(primary.port()));
    }

    /** Polls {@code condition} every 50 ms until it holds or the timeout passes; returns whether it held. */
    static boolean await(Duration timeout, Condition condition) throws SQLException, PlatformActionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.holds()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformActionException("interrupted while waiting");
            }
        }
    }

    @FunctionalInterface
    interface Condition {
        boolean holds() throws SQLException;
    }

    static String lsn(long position) {
        return Long.toHexString(position >>> 32).toUpperCase() + "/" + Long.toHexString(position & 0xFFFFFFFFL)
                .toUpperCase();
    }
}
