package io.meridian.postgres.audit;

import io.meridian.audit.AuditAction;
import io.meridian.audit.Outcome;
import io.meridian.audit.TriggerKind;
import io.meridian.postgres.connect.Server;
import io.meridian.postgres.observe.ObservationLoop;
import io.meridian.postgres.observe.StatementDelta;
import io.meridian.postgres.observe.StatementListener;
import io.meridian.server.audit.AuditSource;
import io.meridian.server.audit.EntryDraft;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Executed statements as query-ID audit entries: for each server, each pg_stat_statements query id called since
 * the previous sample becomes one entry with the calls and their mean latency, in the server's region. An entry's
 * query id is unique in the log (a run id, the server, the statement and the sample time), and names the
 * statement's own query id so an auditor can look it up in pg_stat_statements.
 */
public final class StatementAudit implements AuditSource, StatementListener {
    private final ObservationLoop observation;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private volatile Consumer<List<EntryDraft>> sink;

    public StatementAudit(ObservationLoop observation) {
        this.observation = observation;
    }

    @Override
    public void start(Consumer<List<EntryDraft>> sink) {
        this.sink = sink;
        observation.addStatementListener(this);
    }

    @Override
    public void executed(Server server, Instant observedAt, List<StatementDelta> deltas) {
        var target = sink;
        if (target == null) {
            return;
        }
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, observedAt);
        target.accept(drafts(runId, server, micros, deltas));
    }

    static List<EntryDraft> drafts(String runId, Server server, long micros, List<StatementDelta> deltas) {
        return deltas.stream().sorted(Comparator.comparingLong(StatementDelta::queryId)).map(d -> new EntryDraft(
                "pg-" + runId + "-" + server.replicaId() + "-" + Long.toUnsignedString(d.queryId(), 16) + "-" + micros,
                "postgres:" + (d.user() == null ? "unknown" : d.user()) + "@" + server.replicaId(),
                AuditAction.QUERY_EXECUTED, TriggerKind.AUTOMATIC, "", server.regionId(), micros, Outcome.SUCCEEDED,
                "queryid " + d.queryId() + ": " + d.calls() + " call(s) since the last sample, mean "
                        + String.format(java.util.Locale.ROOT, "%.3f", d.meanMillis()) + " ms")).toList();
    }

    @Override
    public void close() {
        sink = null;
    }
}
