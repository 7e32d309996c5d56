package io.meridian.postgres.observe;

import io.meridian.model.telemetry.TransactionRates;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns one server's cumulative pg_stat_database commit and rollback counters into rates since its previous
 * reading. Unknown, never zero, when there is nothing to subtract from: the first reading, a reading of another
 * epoch (the observer's session was reopened, the server restarted, statistics were reset, a database was created
 * or dropped), or a counter that went down. The observer's own probe transactions are left out. A missed probe
 * keeps the previous reading, so the next rate averages over both intervals.
 */
final class TransactionCounters {
    private ServerStatus.TransactionTotals previous;
    private Instant previousAt;

    Optional<TransactionRates> next(ServerStatus.TransactionTotals totals, Instant at) {
        var before = previous;
        var beforeAt = previousAt;
        previous = totals;
        previousAt = at;
        if (before == null || !before.epoch().equals(totals.epoch())) {
            return Optional.empty();
        }
        long own = totals.ownCommits() - before.ownCommits();
        long commits = totals.commits() - before.commits() - own;
        long rollbacks = totals.rollbacks() - before.rollbacks();
        double seconds = Duration.between(beforeAt, at).toNanos() / 1e9;
        if (commits + own < 0 || rollbacks < 0 || seconds <= 0) {
            return Optional.empty();
        }
        // Before PostgreSQL 15 our own commit may land in the next interval instead: never report it as -1.
        return Optional.of(new TransactionRates(Math.max(0, commits) / seconds, rollbacks / seconds));
    }
}
