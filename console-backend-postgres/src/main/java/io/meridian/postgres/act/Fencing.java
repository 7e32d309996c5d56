package io.meridian.postgres.act;

import io.meridian.model.failover.FailoverKind;
import io.meridian.postgres.connect.Server;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PhaseResult;
import io.meridian.server.platform.PlatformActionException;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;

/**
 * FENCE: stop the old primary from accepting writes. The configured fencing command comes first when there is one
 * (power off, firewall); a reachable primary is also set read-only ({@code default_transaction_read_only} through
 * ALTER SYSTEM and a reload) and its client sessions are ended, which is how a planned switchover fences. A lost
 * primary cannot be fenced over SQL: without a command, promotion needs the incident commander's override, and the
 * phase still tries and says that fencing is not confirmed.
 */
final class Fencing {
    private Fencing() {
    }

    static PhaseResult fence(ActionContext ctx, FailoverPlan plan, Run run) throws PlatformActionException {
        var old = ctx.server(plan.oldPrimaryId());
        var candidate = ctx.server(plan.candidateId());
        var notes = new StringBuilder();
        boolean fenced = false;
        var command = ctx.section.fencingCommandOrEmpty();
        if (!command.isEmpty()) {
            var outcome = runCommand(ctx, command, old, candidate);
            if (outcome.succeeded()) {
                fenced = true;
                notes.append("fencing command succeeded; ");
            } else if (!plan.fencingOverridden()) {
                throw new PlatformActionException(old.where() + ": the fencing command failed (exit "
                        + outcome.exitCode() + "): " + outcome.outputTail());
            } else {
                notes.append("fencing command FAILED (exit ").append(outcome.exitCode()).append("); ");
            }
        }
        try {
            var sessions = readOnly(ctx, old, run);
            fenced = true;
            notes.append("set read-only, ").append(sessions).append(" client session(s) ended, last WAL position ")
                    .append(ActionContext.lsn(run.fencedLsn));
        } catch (PlatformActionException e) {
            if (plan.kind() == FailoverKind.PLANNED_SWITCHOVER && command.isEmpty()) {
                throw new PlatformActionException("planned switchover: cannot fence " + e.getMessage());
            }
            // Lost, as an unplanned failover expects: its last observed position stands for where it stopped.
            run.fencedLsn = ctx.observation.lastPosition(old.replicaId());
            notes.append("not reachable over SQL (").append(e.getMessage()).append("); last observed WAL position ")
                    .append(run.fencedLsn < 0 ? "unknown" : ActionContext.lsn(run.fencedLsn));
        }
        if (!fenced) {
            if (!plan.fencingOverridden()) {
                throw new PlatformActionException(old.where() + ": not fenced: no fencing command is configured "
                        + "(postgres.fencingCommand) and the server cannot be reached to set it read-only; "
                        + "promotion needs fencing or an incident commander's override");
            }
            notes.append("; fencing NOT confirmed, proceeding on the incident commander's override");
        }
        run.oldTimeline = timelineOf(ctx, candidate);
        return PhaseResult.of(old.where() + ": " + notes);
    }

    private static CommandRunner.Outcome runCommand(ActionContext ctx, java.util.List<String> template, Server old,
                                                    Server candidate) throws PlatformActionException {
        var command = CommandRunner.expand(template, ActionContext.placeholders(old, candidate));
        try {
            return CommandRunner.run(command, ctx.timeout);
        } catch (IOException e) {
            return new CommandRunner.Outcome(-1, "cannot start " + command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformActionException("interrupted while fencing " + old.where());
        }
    }

    /** Read-only for new transactions, then every client session ended; returns how many were ended. */
    private static long readOnly(ActionContext ctx, Server old, Run run) throws PlatformActionException {
        try (var c = ctx.open(old)) {
            try (var st = c.createStatement()) {
                st.execute("alter system set default_transaction_read_only = on");
                st.execute("select pg_reload_conf()");
            }
            // The reload is a signal; wait until this server's backends have taken it.
            if (!ActionContext.await(Duration.ofSeconds(5), () -> "on".equals(ActionContext.queryString(c,
                    "select setting from pg_settings where name = 'default_transaction_read_only'")))) {
                throw new PlatformActionException(old.where() + ": the read-only setting was not taken in 5 s");
            }
            long ended = ActionContext.queryLong(c, "select count(pg_terminate_backend(pid)) from pg_stat_activity "
                    + "where backend_type = 'client backend' and pid <> pg_backend_pid()");
            // Sessions ended above may still be writing their last commit record; take the position after them.
            ActionContext.await(Duration.ofSeconds(5), () -> ActionContext.queryLong(c, "select count(*) from "
                    + "pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()") == 0);
            run.fencedLsn = ActionContext.queryLong(c, "select (pg_current_wal_lsn() - '0/0')::bigint");
            return ended;
        } catch (SQLException e) {
            throw ActionContext.failure(old, "setting it read-only", e);
        }
    }

    /** The server's timeline, or -1 when it cannot be read: VERIFY_HEALTH then skips the newer-timeline check. */
    static long timelineOf(ActionContext ctx, Server server) {
        try (var c = ctx.open(server)) {
            return ActionContext.queryLong(c, "select case when pg_is_in_recovery() then "
                    + "coalesce((select received_tli from pg_stat_wal_receiver), "
                    + "(select timeline_id from pg_control_checkpoint())) "
                    + "else ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int end");
        } catch (SQLException | PlatformActionException e) {
            return -1;
        }
    }
}
