package io.meridian.postgres.observe;

import java.time.Instant;
import java.util.List;

/**
 * What one probe of one server saw. A server that could not be observed has an {@code error} and nothing else:
 * {@code unreachable} when it did not answer (a missed probe), false when it answered but refused (credentials,
 * grants, version), which no number of probes will change. LSNs are byte
 * positions in the WAL ({@code -1} where the server does not have one: a primary has no replay position, a standby
 * no current insert position). {@code transactions} is null when not read.
 */
public record ServerStatus(Instant observedAt, String error, boolean unreachable, int versionNum, String version,
                           boolean inRecovery, boolean readOnly, long timeline, long currentLsn, long receiveLsn,
                           long replayLsn, ClockReading clock, WalReceiver receiver, List<Sender> senders,
                           List<Slot> slots, boolean statementsInstalled, List<StatementCounter> statements,
                           TransactionTotals transactions) {
    public static final long NONE = -1;

    public ServerStatus {
        senders = senders == null ? List.of() : List.copyOf(senders);
        slots = slots == null ? List.of() : List.copyOf(slots);
        statements = statements == null ? List.of() : List.copyOf(statements);
    }

    static ServerStatus failed(Instant at, String error, boolean unreachable) {
        return new ServerStatus(at, error, unreachable, 0, "", false, false, NONE, NONE, NONE, NONE, null, null, null,
                null, false, null, null);
    }

    /** True when the probe read the server. */
    public boolean observed() {
        return error == null;
    }

    /** True for a server that takes writes: out of recovery and not fenced read-only. */
    public boolean writer() {
        return observed() && !inRecovery && !readOnly;
    }

    /** How far this server's data goes: the insert position of a primary, the replay position of a standby. */
    public long position() {
        return inRecovery ? replayLsn : currentLsn;
    }

    /** Server clock minus ours at the midpoint of the round trip; the uncertainty is half the round trip. */
    public record ClockReading(double offsetMicros, double uncertaintyMicros) {}

    /** A standby's WAL receiver (pg_stat_wal_receiver): where it streams from and how far it got. */
    public record WalReceiver(String status, String senderHost, int senderPort, long receivedTimeline,
                              long flushedLsn) {}

    /** One WAL sender (pg_stat_replication row); lags in seconds are null once an idle standby caught up. */
    public record Sender(String applicationName, String state, String syncState, long sentLsn, long writeLsn,
                         long flushLsn, long replayLsn, Double writeLagSeconds, Double flushLagSeconds,
                         Double replayLagSeconds) {}

    /** A replication slot and the WAL it holds back. */
    public record Slot(String name, boolean active, long retainedBytes) {}

    /**
     * Cumulative pg_stat_database counters, summed over every database. {@code epoch} names what the counters are
     * counted from (the observer's session, the server's start, each database and its last statistics reset): two
     * readings with another epoch cannot be subtracted. {@code ownCommits} is how many of the observer's own probe
     * transactions on that session had committed before this reading; they are counted too and are not workload.
     */
    public record TransactionTotals(long commits, long rollbacks, String epoch, long ownCommits) {}

    /** Cumulative pg_stat_statements figures of one statement. */
    public record StatementCounter(long queryId, String user, long calls, double totalMillis) {}
}
