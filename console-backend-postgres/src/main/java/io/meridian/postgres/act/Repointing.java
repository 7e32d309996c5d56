package io.meridian.postgres.act;

import io.meridian.postgres.connect.Server;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PhaseResult;
import io.meridian.server.platform.PlatformActionException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * REROUTE: every other standby of the cluster follows the new primary: its replication slot is created there
 * first (slots are not replicated), then its {@code primary_conninfo} as it was before PROMOTE detached it gets the
 * new host and port (everything else kept) and a reload starts the WAL receiver. A standby that cannot be reached is named and left for the
 * operator, since the new primary already serves. The old primary rejoins through the configured rejoin command
 * (typically pg_rewind), or is left fenced with that instruction.
 */
final class Repointing {
    private Repointing() {
    }

    static PhaseResult repoint(ActionContext ctx, FailoverPlan plan, Run run, List<String> repointed)
            throws PlatformActionException {
        var primary = ctx.server(plan.candidateId());
        var old = ctx.server(plan.oldPrimaryId());
        var notes = new ArrayList<String>();
        try (var p = ctx.open(primary)) {
            for (var standby : ctx.cluster(plan.clusterId())) {
                if (standby.equals(primary) || standby.equals(old)) {
                    continue;
                }
                var failure = run.detachFailures.get(standby.replicaId());
                if (failure != null) {
                    notes.add("NOT repointed, do it when it is back: " + failure);
                    continue;
                }
                if (run.outOfRecovery.contains(standby.replicaId())) {
                    notes.add(standby.replicaId() + " left alone: out of recovery, a fenced former primary; "
                            + "rejoin it as a standby with pg_rewind (docs/postgres.md)");
                    continue;
                }
                long received = run.receivedAtDetach.getOrDefault(standby.replicaId(), -1L);
                if (run.candidateKept >= 0 && received > run.candidateKept) {
                    // Past the new timeline's fork point: streaming from the new primary would fail for ever.
                    notes.add(standby.replicaId() + " NOT repointed: it had received WAL up to "
                            + ActionContext.lsn(received) + ", beyond what " + primary.replicaId() + " kept ("
                            + ActionContext.lsn(run.candidateKept) + "); rejoin it with pg_rewind (docs/postgres.md)");
                    continue;
                }
                try {
                    repointOne(ctx, p, primary, standby, run.savedConninfo.get(standby.replicaId()));
                    repointed.add(standby.replicaId());
                } catch (PlatformActionException e) {
                    notes.add("NOT repointed, do it when it is back: " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw ActionContext.failure(primary, "closing the session", e);
        }
        notes.addFirst(repointed.isEmpty() ? "no standby follows " + primary.replicaId() + " yet"
                : String.join(", ", repointed) + " now follow " + primary.replicaId());
        notes.add(rejoin(ctx, old, primary));
        return PhaseResult.of(String.join("; ", notes));
    }

    private static void repointOne(ActionContext ctx, Connection primaryConnection, Server primary, Server standby,
                                   String savedConninfo) throws PlatformActionException {
        try (var s = ctx.open(standby)) {
            var slot = ActionContext.queryString(s, "select current_setting('primary_slot_name')");
            if (slot != null && !slot.isBlank()) {
                try (var st = primaryConnection.prepareStatement("select pg_create_physical_replication_slot(?, "
                        + "true) where not exists (select 1 from pg_replication_slots where slot_name = ?)")) {
                    st.setString(1, slot);
                    st.setString(2, slot);
                    st.execute();
                }
            }
            var pairs = ConnInfo.parse(savedConninfo != null ? savedConninfo
                    : ActionContext.queryString(s, "select current_setting('primary_conninfo')"));
            pairs.put("host", primary.host());
            pairs.put("port", Integer.toString(primary.port()));
            pairs.putIfAbsent("application_name", standby.replicaId());
            try (var st = s.createStatement()) {
                st.execute("alter system set primary_conninfo = " + ConnInfo.literal(ConnInfo.format(pairs)));
                st.execute("select pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw ActionContext.failure(standby, "repointing", e);
        }
    }

    private static String rejoin(ActionContext ctx, Server old, Server primary) throws PlatformActionException {
        var template = ctx.section.rejoinCommandOrEmpty();
        if (template.isEmpty()) {
            return old.replicaId() + " stays fenced: rejoin it as a standby with pg_rewind (docs/postgres.md), or "
                    + "configure postgres.rejoinCommand";
        }
        var command = CommandRunner.expand(template, ActionContext.placeholders(old, primary));
        try {
            var outcome = CommandRunner.run(command, ctx.timeout.multipliedBy(4));
            return outcome.succeeded() ? old.replicaId() + " rejoined as a standby by the rejoin command"
                    : old.replicaId() + " NOT rejoined: the rejoin command failed (exit " + outcome.exitCode() + "): "
                    + outcome.outputTail();
        } catch (IOException e) {
            return old.replicaId() + " NOT rejoined: cannot start " + command.getFirst() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformActionException("interrupted while rejoining " + old.where());
        }
    }
}
