package io.meridian.postgres.act;

import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PhaseResult;
import io.meridian.server.platform.PlatformActionException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * VERIFY_HEALTH: the new primary takes writes on a newer timeline, every repointed standby streams from it, and a
 * canary write (a transactional WAL message, no table needed) is replayed on each of them. CHECK_CONSISTENCY: every
 * standby is on the new primary's timeline and has replayed the canary; the run's measured loss is repeated so
 * the report holds it.
 */
final class Verification {
    private Verification() {
    }

    static PhaseResult verify(ActionContext ctx, FailoverPlan plan, Run run, List<String> repointed)
            throws PlatformActionException {
        var primary = ctx.server(plan.candidateId());
        long timeline;
        String syncNames;
        try (var p = ctx.open(primary)) {
            if (ActionContext.queryLong(p, "select (pg_is_in_recovery() or "
                    + "current_setting('default_transaction_read_only')::bool)::int") != 0) {
                throw new PlatformActionException(primary.where() + ": does not accept writes after promotion");
            }
            timeline = ActionContext.queryLong(p,
                    "select ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int");
            if (run.oldTimeline >= 0 && timeline <= run.oldTimeline) {
                throw new PlatformActionException(primary.where() + ": still on timeline " + timeline
                        + "; promotion should have started a new one");
            }
            for (var id : repointed) {
                var standby = ctx.server(id);
                if (!ActionContext.await(ctx.timeout, () -> streams(p, id))) {
                    throw new PlatformActionException(standby.where() + ": not streaming from " + primary.replicaId()
                            + " within " + ctx.timeout.toSeconds() + " s after repointing");
                }
            }
            // The canary is checked by replay position below; under synchronous_standby_names with no standby
            // left to confirm, a synchronous commit of it would wait for ever.
            try (var st = p.createStatement()) {
                st.execute("set synchronous_commit = local");
            }
            syncNames = ActionContext.queryString(p, "select current_setting('synchronous_standby_names')");
            run.canaryLsn = ActionContext.queryLong(p, "select (pg_logical_emit_message(true, 'meridian-canary', "
                    + "'failover " + plan.proposalId().replace("'", "") + "') - '0/0')::bigint");
        } catch (SQLException e) {
            throw ActionContext.failure(primary, "verification", e);
        }
        long start = System.nanoTime();
        var replayed = new ArrayList<String>();
        for (var id : repointed) {
            var standby = ctx.server(id);
            try (var s = ctx.open(standby)) {
                if (!ActionContext.await(ctx.timeout, () -> ActionContext.queryLong(s,
                        "select (pg_last_wal_replay_lsn() - '0/0')::bigint") >= run.canaryLsn)) {
                    throw new PlatformActionException(standby.where() + ": the canary write at "
                            + ActionContext.lsn(run.canaryLsn) + " was not replayed within "
                            + ctx.timeout.toSeconds() + " s");
                }
                replayed.add(id);
            } catch (SQLException e) {
                throw ActionContext.failure(standby, "checking the canary write", e);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return PhaseResult.of(primary.where() + ": accepts writes on timeline " + timeline + "; "
                + (repointed.isEmpty() ? "no standby follows it" + (syncNames == null || syncNames.isBlank() ? ""
                : "; WARNING: synchronous_standby_names is '" + syncNames + "', so its writes wait for a standby "
                + "that is not there: rejoin one, or clear the setting")
                : String.join(", ", repointed) + " stream from it; canary write at " + ActionContext.lsn(run.canaryLsn)
                + " replayed on " + String.join(", ", replayed) + " within " + millis + " ms"));
    }

    private static boolean streams(java.sql.Connection primary, String standbyId) throws SQLException {
        try (var st = primary.prepareStatement(
                "select count(*) from pg_stat_replication where application_name = ? and state = 'streaming'")) {
            st.setString(1, standbyId);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    static PhaseResult consistency(ActionContext ctx, FailoverPlan plan, Run run, List<String> repointed)
            throws PlatformActionException {
        var primary = ctx.server(plan.candidateId());
        var notes = new ArrayList<String>();
        for (var id : repointed) {
            var standby = ctx.server(id);
            try (var s = ctx.open(standby)) {
                long timeline = ActionContext.queryLong(s, "select received_tli from pg_stat_wal_receiver");
                long replay = ActionContext.queryLong(s, "select (pg_last_wal_replay_lsn() - '0/0')::bigint");
                if (timeline != run.newTimeline) {
                    throw new PlatformActionException(standby.where() + ": on timeline " + timeline + ", the new "
                            + "primary " + primary.replicaId() + " on " + run.newTimeline);
                }
                if (replay < run.canaryLsn) {
                    throw new PlatformActionException(standby.where() + ": replayed " + ActionContext.lsn(replay)
                            + ", short of the canary at " + ActionContext.lsn(run.canaryLsn));
                }
                notes.add(id + " on timeline " + timeline + " at " + ActionContext.lsn(replay));
            } catch (SQLException e) {
                throw ActionContext.failure(standby, "the consistency check", e);
            }
        }
        var loss = run.lostBytes < 0 ? "data loss unknown" : run.lostBytes == 0 ? "RPO 0 bytes"
                : "RPO " + run.lostBytes + " bytes (about " + run.lostMillis + " ms)";
        return new PhaseResult(primary.replicaId() + " primary on timeline " + run.newTimeline + "; "
                + (notes.isEmpty() ? "no standby to compare" : String.join(", ", notes)) + "; " + loss,
                run.lostBytes, run.lostMillis);
    }
}
