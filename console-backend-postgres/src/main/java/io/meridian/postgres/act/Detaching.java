package io.meridian.postgres.act;

import io.meridian.postgres.connect.Server;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PlatformActionException;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Before promotion, every other standby stops streaming from the old primary: its {@code primary_conninfo} is kept
 * in the run and emptied, and its WAL receiver ends. A fenced primary still writes WAL of its own (standby
 * snapshots, checkpoints); a standby that received such a record after the candidate was promoted would be ahead
 * of the new timeline's fork point and could never follow the new primary without pg_rewind. Detached, the standbys
 * hold still, and the candidate is promoted only once it has replayed as far as the furthest of them.
 */
final class Detaching {
    private Detaching() {
    }

    /** Detaches the other reachable standbys; returns the furthest WAL position any of them received. */
    static long detachOthers(ActionContext ctx, FailoverPlan plan, Run run) throws PlatformActionException {
        long furthest = -1;
        for (var standby : ctx.cluster(plan.clusterId())) {
            if (standby.replicaId().equals(plan.candidateId()) || standby.replicaId().equals(plan.oldPrimaryId())) {
                continue;
            }
            try {
                long received = detach(ctx, standby, run);
                run.receivedAtDetach.put(standby.replicaId(), received);
                furthest = Math.max(furthest, received);
            } catch (PlatformActionException e) {
                // Unreachable now: it streams nothing either; REROUTE names it.
                run.detachFailures.put(standby.replicaId(), e.getMessage());
            }
        }
        return furthest;
    }

    private static long detach(ActionContext ctx, Server standby, Run run) throws PlatformActionException {
        try (var s = ctx.open(standby)) {
            if (ActionContext.queryLong(s, "select pg_is_in_recovery()::int") == 0) {
                // A fenced former primary receives nothing; REROUTE leaves it to be rejoined.
                run.outOfRecovery.add(standby.replicaId());
                return -1;
            }
            var conninfo = ActionContext.queryString(s, "select current_setting('primary_conninfo')");
            if (conninfo != null && !conninfo.isBlank()) {
                run.savedConninfo.put(standby.replicaId(), conninfo);
            }
            try (var st = s.createStatement()) {
                st.execute("alter system set primary_conninfo = ''");
                st.execute("select pg_reload_conf()");
            }
            if (!ActionContext.await(Duration.ofSeconds(10), () -> ActionContext.queryLong(s,
                    "select count(*) from pg_stat_wal_receiver") == 0)) {
                throw new PlatformActionException(standby.where() + ": its WAL receiver did not stop in 10 s");
            }
            return ActionContext.queryLong(s, "select (greatest(pg_last_wal_receive_lsn(), "
                    + "pg_last_wal_replay_lsn()) - '0/0')::bigint");
        } catch (SQLException e) {
            throw ActionContext.failure(standby, "detaching it from the old primary", e);
        }
    }
}
