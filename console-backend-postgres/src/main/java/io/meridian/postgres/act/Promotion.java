package io.meridian.postgres.act;

import io.meridian.model.failover.FailoverKind;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PhaseResult;
import io.meridian.server.platform.PlatformActionException;
import java.sql.SQLException;

/**
 * PROMOTE: in a planned switchover, wait until the candidate has replayed the fenced primary's last position, so
 * nothing is lost; after a lost primary, promote with what the candidate received and measure the loss against the
 * old primary's last observed position. Then {@code pg_promote} and read the new timeline.
 */
final class Promotion {
    private Promotion() {
    }

    static PhaseResult promote(ActionContext ctx, FailoverPlan plan, Run run) throws PlatformActionException {
        var candidate = ctx.server(plan.candidateId());
        try (var c = ctx.open(candidate)) {
            try {
                if (ActionContext.queryLong(c, "select pg_is_in_recovery()::int") != 1) {
                    throw new PlatformActionException(candidate.where() + ": is not a standby (not in recovery); "
                            + "nothing to promote");
                }
                String replayed = "select (pg_last_wal_replay_lsn() - '0/0')::bigint";
                if (plan.kind() == FailoverKind.PLANNED_SWITCHOVER && run.fencedLsn >= 0
                        && !ActionContext.await(ctx.timeout, () -> ActionContext.queryLong(c, replayed)
                        >= run.fencedLsn)) {
                    long behind = run.fencedLsn - ActionContext.queryLong(c, replayed);
                    throw new PlatformActionException(candidate.where() + ": did not replay the fenced primary's "
                            + "last position " + ActionContext.lsn(run.fencedLsn) + " within "
                            + ctx.timeout.toSeconds() + " s (" + behind + " bytes behind); not promoted");
                }
                long furthest = Detaching.detachOthers(ctx, plan, run);
                if (furthest > 0 && !ActionContext.await(ctx.timeout, () -> Math.max(ActionContext.queryLong(c,
                        replayed), ActionContext.queryLong(c, "select (pg_last_wal_receive_lsn() - '0/0')::bigint"))
                        >= furthest)) {
                    if (plan.kind() == FailoverKind.PLANNED_SWITCHOVER) {
                        throw new PlatformActionException(candidate.where() + ": another standby received WAL up to "
                                + ActionContext.lsn(furthest) + ", which the candidate did not reach within "
                                + ctx.timeout.toSeconds() + " s; not promoted");
                    }
                    run.aheadOfCandidate = furthest;
                }
                // pg_promote replays everything received before it finishes, so received is what survives.
                long kept = Math.max(ActionContext.queryLong(c, replayed), ActionContext.queryLong(c,
                        "select (pg_last_wal_receive_lsn() - '0/0')::bigint"));
                run.candidateKept = kept;
                measureLoss(ctx, plan, run, kept);
                boolean done;
                try (var st = c.prepareStatement("select pg_promote(true, ?)")) {
                    st.setInt(1, (int) ctx.timeout.toSeconds());
                    try (var rs = st.executeQuery()) {
                        rs.next();
                        done = rs.getBoolean(1);
                    }
                }
                if (!done) {
                    throw new PlatformActionException(candidate.where() + ": pg_promote did not finish within "
                            + ctx.timeout.toSeconds() + " s");
                }
                // Promotion only requests its checkpoint; until one completes, the control file still names the
                // old timeline, and a pg_rewind of the old primary against it would find "no rewind required".
                try (var st = c.createStatement()) {
                    st.execute("checkpoint");
                }
                run.newTimeline = ActionContext.queryLong(c,
                        "select ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int");
            } catch (SQLException e) {
                throw ActionContext.failure(candidate, "promotion", e);
            }
        } catch (SQLException e) {
            throw ActionContext.failure(candidate, "closing the session", e);
        }
        var ahead = run.aheadOfCandidate < 0 ? "" : "; another standby had received WAL up to "
                + ActionContext.lsn(run.aheadOfCandidate) + ", beyond the candidate: it must be rejoined with pg_rewind";
        var loss = run.lostBytes < 0 ? "data loss unknown (the old primary's last position was never observed)"
                : run.lostBytes == 0 ? "nothing lost"
                : run.lostBytes + " bytes of WAL (about " + run.lostMillis + " ms of changes) not replayed, lost";
        return new PhaseResult(candidate.where() + ": promoted to primary on timeline " + run.newTimeline + "; "
                + loss + ahead, run.lostBytes, run.lostMillis);
    }

    private static void measureLoss(ActionContext ctx, FailoverPlan plan, Run run, long kept) {
        if (run.fencedLsn < 0) {
            return;
        }
        run.lostBytes = Math.max(0, run.fencedLsn - kept);
        run.lostMillis = run.lostBytes == 0 ? 0
                : ctx.observation.unreplayedAge(plan.oldPrimaryId(), kept).toMillis();
    }
}
