package io.meridian.postgres.observe;

import io.meridian.postgres.connect.ConnectionErrors;
import io.meridian.postgres.connect.Connector;
import io.meridian.postgres.connect.Server;
import io.meridian.postgres.connect.ServerException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Probes one server with the monitor credential over one kept connection (reopened after a failure): a clock
 * reading, its state, its WAL senders, receiver and slots, and its pg_stat_statements counters. Read-only.
 * Not thread-safe: one probe at a time per server.
 */
final class ServerProbe implements AutoCloseable {
    /** PostgreSQL 13 is the oldest version whose views and functions the probe relies on. */
    static final int OLDEST_VERSION = 130000;
    /** Clock readings per probe; the best of them is kept. */
    private static final int CLOCK_ROUND_TRIPS = 3;

    private static final String STATE = """
            select current_setting('server_version_num')::int, current_setting('server_version'),
                   pg_is_in_recovery(),
                   case when pg_is_in_recovery() then null else (pg_current_wal_lsn() - '0/0')::bigint end,
                   (pg_last_wal_receive_lsn() - '0/0')::bigint, (pg_last_wal_replay_lsn() - '0/0')::bigint,
                   case when pg_is_in_recovery() then (select timeline_id from pg_control_checkpoint())
                        else ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int end,
                   exists (select 1 from pg_extension where extname = 'pg_stat_statements')
                     and 'pg_stat_statements' = any (string_to_array(
                           replace(current_setting('shared_preload_libraries'), ' ', ''), ',')),
                   current_setting('default_transaction_read_only')::bool
            """;
    private static final String SENDERS = """
            select application_name, state, sync_state, (sent_lsn - '0/0')::bigint, (write_lsn - '0/0')::bigint,
                   (flush_lsn - '0/0')::bigint, (replay_lsn - '0/0')::bigint, extract(epoch from write_lag),
                   extract(epoch from flush_lag), extract(epoch from replay_lag)
            from pg_stat_replication
            """;
    private static final String RECEIVER = """
            select status, sender_host, sender_port, received_tli, (flushed_lsn - '0/0')::bigint
            from pg_stat_wal_receiver
            """;
    private static final String SLOTS = """
            select slot_name, active,
                   ((case when pg_is_in_recovery() then pg_last_wal_replay_lsn() else pg_current_wal_lsn() end)
                     - restart_lsn)::bigint
            from pg_replication_slots where slot_type = 'physical'
            """;
    /**
     * Every database's counters, and what they count from: the session (a new one also counts its own log-in),
     * the postmaster's start (a crash discards statistics) and each database with its last reset (a reset zeroes
     * it; a database created or dropped changes the sum).
     */
    private static final String TRANSACTIONS = """
            select coalesce(sum(xact_commit), 0)::bigint, coalesce(sum(xact_rollback), 0)::bigint,
                   pg_backend_pid() || '@' || pg_postmaster_start_time() || ' ' || coalesce(string_agg(
                     datid || '/' || coalesce(stats_reset::text, '-'), ',' order by datid), '')
            from pg_stat_database
            """;
    /** PostgreSQL 15 publishes a session's counts on demand; older ones within half a second. */
    private static final int FORCED_FLUSH_VERSION = 150000;
    private static final String STATEMENTS = """
            select s.queryid, r.rolname, s.calls, s.total_exec_time
            from pg_stat_statements s left join pg_roles r on r.oid = s.userid
            where s.queryid is not null
            """;

    private final Server server;
    private final Connector connector;
    private final Clock clock;
    private Connection connection;
    /** Probe transactions committed on {@link #connection}: each counts in pg_stat_database like any client's. */
    private long committed;

    ServerProbe(Server server, Connector connector, Clock clock) {
        this.server = server;
        this.connector = connector;
        this.clock = clock;
    }

    Server server() {
        return server;
    }

    ServerStatus probe() {
        var at = clock.instant();
        try {
            if (connection == null) {
                connection = connector.open(server, Connector.Role.MONITOR);
                // One transaction per probe, so that the observer adds exactly one commit per probe to the
                // counters it reads, which it then leaves out of the workload's rates.
                connection.setAutoCommit(false);
                committed = 0;
            }
            var status = read(connection, at);
            connection.commit();
            committed++;
            return status;
        } catch (ServerException e) {
            return ServerStatus.failed(at, e.getMessage(), e.unreachable());
        } catch (SQLException e) {
            close();
            return ServerStatus.failed(at, server.where() + ": " + ConnectionErrors.describe(e, server.monitor().user(),
                    server.spec()), ConnectionErrors.unreachable(e));
        }
    }

    private ServerStatus read(Connection c, Instant at) throws SQLException {
        var clockReading = readClock(c);
        var refusal = refusal(c);
        if (refusal != null) {
            return ServerStatus.failed(at, server.where() + ": " + refusal, false);
        }
        try (var st = c.createStatement(); var rs = st.executeQuery(STATE)) {
            rs.next();
            int versionNum = rs.getInt(1);
            String version = rs.getString(2);
            boolean inRecovery = rs.getBoolean(3);
            long current = longOr(rs, 4);
            long receive = longOr(rs, 5);
            long replay = longOr(rs, 6);
            long timeline = longOr(rs, 7);
            boolean statementsInstalled = rs.getBoolean(8);
            boolean readOnly = rs.getBoolean(9);
            var receiver = inRecovery ? receiver(c) : null;
            if (receiver != null && receiver.receivedTimeline() > timeline) {
                timeline = receiver.receivedTimeline();
            }
            return new ServerStatus(at, null, false, versionNum, version, inRecovery, readOnly, timeline, current,
                    receive, replay, clockReading, receiver, senders(c), slots(c),
                    statementsInstalled, statementsInstalled ? statements(c) : List.of(), transactions(c, versionNum));
        }
    }

    /** Why this server cannot be observed although it answers (too old, no pg_monitor), or null. */
    private String refusal(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(
                "select current_setting('server_version_num')::int, current_setting('server_version'), "
                        + "pg_has_role(current_user, 'pg_monitor', 'MEMBER'), current_user")) {
            rs.next();
            if (rs.getInt(1) < OLDEST_VERSION) {
                return "PostgreSQL " + rs.getString(2) + " is too old; Meridian needs PostgreSQL 13 or newer";
            }
            if (!rs.getBoolean(3)) {
                return "the monitor user '" + rs.getString(4) + "' is not a member of pg_monitor, so replication "
                        + "state is hidden from it (GRANT pg_monitor TO " + rs.getString(4) + ")";
            }
            return null;
        }
    }

    /**
     * Round trips for clock_timestamp(), each corrected to its midpoint; the one with the shortest round trip wins
     * (as NTP filters its samples), since queueing on a busy host delays one direction more than the other. Half
     * that round trip bounds the error.
     */
    private ServerStatus.ClockReading readClock(Connection c) throws SQLException {
        ServerStatus.ClockReading best = null;
        try (var st = c.prepareStatement("select (extract(epoch from clock_timestamp()) * 1000000)::bigint")) {
            for (int i = 0; i < CLOCK_ROUND_TRIPS; i++) {
                long before = micros(clock.instant());
                long startNanos = System.nanoTime();
                try (var rs = st.executeQuery()) {
                    rs.next();
                    long elapsedMicros = (System.nanoTime() - startNanos) / 1000;
                    double midpoint = before + elapsedMicros / 2.0;
                    var reading = new ServerStatus.ClockReading(rs.getLong(1) - midpoint, elapsedMicros / 2.0);
                    if (best == null || reading.uncertaintyMicros() < best.uncertaintyMicros()) {
                        best = reading;
                    }
                }
            }
        }
        return best;
    }

    private static ServerStatus.WalReceiver receiver(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(RECEIVER)) {
            if (!rs.next()) {
                return null;
            }
            return new ServerStatus.WalReceiver(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                    longOr(rs, 5));
        }
    }

    private static List<ServerStatus.Sender> senders(Connection c) throws SQLException {
        var senders = new ArrayList<ServerStatus.Sender>();
        try (var st = c.createStatement(); var rs = st.executeQuery(SENDERS)) {
            while (rs.next()) {
                senders.add(new ServerStatus.Sender(rs.getString(1), rs.getString(2), rs.getString(3), longOr(rs, 4),
                        longOr(rs, 5), longOr(rs, 6), longOr(rs, 7), doubleOrNull(rs, 8), doubleOrNull(rs, 9),
                        doubleOrNull(rs, 10)));
            }
        }
        return senders;
    }

    private static List<ServerStatus.Slot> slots(Connection c) throws SQLException {
        var slots = new ArrayList<ServerStatus.Slot>();
        try (var st = c.createStatement(); var rs = st.executeQuery(SLOTS)) {
            while (rs.next()) {
                slots.add(new ServerStatus.Slot(rs.getString(1), rs.getBoolean(2), Math.max(0, longOr(rs, 3))));
            }
        }
        return slots;
    }

    private ServerStatus.TransactionTotals transactions(Connection c, int versionNum) throws SQLException {
        try (var st = c.createStatement()) {
            if (versionNum >= FORCED_FLUSH_VERSION) {
                // This probe's commit is then published as it ends, so every interval holds exactly one of ours.
                st.execute("select pg_stat_force_next_flush()");
            }
            try (var rs = st.executeQuery(TRANSACTIONS)) {
                rs.next();
                return new ServerStatus.TransactionTotals(rs.getLong(1), rs.getLong(2), rs.getString(3), committed);
            }
        }
    }

    private static List<ServerStatus.StatementCounter> statements(Connection c) throws SQLException {
        var statements = new ArrayList<ServerStatus.StatementCounter>();
        try (var st = c.createStatement(); var rs = st.executeQuery(STATEMENTS)) {
            while (rs.next()) {
                statements.add(new ServerStatus.StatementCounter(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getDouble(4)));
            }
        }
        return statements;
    }

    private static long longOr(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? ServerStatus.NONE : value;
    }

    private static Double doubleOrNull(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // The connection is being dropped because it failed; there is nothing left to release.
            }
            connection = null;
        }
    }
}
