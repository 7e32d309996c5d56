package io.meridian.server.drill;

import io.meridian.api.v1.DrillAuditRecord;
import io.meridian.api.v1.TimelineEvent;
import io.meridian.api.v1.TimelineKind;
import io.meridian.audit.AuditAction;
import io.meridian.audit.Outcome;
import io.meridian.audit.TriggerKind;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.server.audit.AuditLog;
import io.meridian.server.audit.EntryDraft;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;

/**
 * Writes a drill's timeline into the audit log as DRILL_EVENT entries ("drill/&lt;id&gt;/&lt;n&gt;", the actor the person
 * or "meridian", the region the drill's first), and at the end signs a checkpoint that covers them all, so an
 * auditor can check the drill's record against the log. A backend without an audit log says so in the report.
 */
final class DrillAudit {
    private static final System.Logger LOG = System.getLogger(DrillAudit.class.getName());
    static final String SYSTEM_ACTOR = "meridian";

    private final AuditLog log;

    /** {@code log} may be null: the backend keeps none. */
    DrillAudit(AuditLog log) {
        this.log = log;
    }

    DrillAuditRecord initial() {
        return log == null ? DrillAuditRecord.newBuilder().setAvailable(false)
                .setDetail("this backend keeps no audit log: the drill's record is this report only").build()
                : DrillAuditRecord.newBuilder().setAvailable(true)
                .setDetail("the drill's events are DRILL_EVENT entries of " + log.origin()).build();
    }

    /** Appends the event; returns its index, or empty when there is no log or appending failed (logged). */
    OptionalLong append(String drillId, String region, int number, TimelineEvent e) {
        if (log == null) {
            return OptionalLong.empty();
        }
        boolean person = !e.getActor().isEmpty();
        boolean failed = e.getKind() == TimelineKind.TIMELINE_KIND_STEP_FAILED
                || e.getKind() == TimelineKind.TIMELINE_KIND_NOT_RECOVERED;
        var draft = new EntryDraft("drill/" + drillId + "/" + number, person ? e.getActor() : SYSTEM_ACTOR,
                AuditAction.DRILL_EVENT, person ? TriggerKind.PERSON : TriggerKind.AUTOMATIC,
                person ? e.getActor() : "", region, micros(ProtoTime.instant(e.getAt())),
                failed ? Outcome.FAILED : Outcome.SUCCEEDED,
                "drill " + drillId + ": " + e.getKind().name().replace("TIMELINE_KIND_", "").toLowerCase()
                        .replace('_', ' ') + (e.getSubject().isEmpty() ? "" : " " + e.getSubject()) + ": "
                        + e.getDetail());
        try {
            return OptionalLong.of(log.append(List.of(draft)));
        } catch (IOException | RuntimeException ex) {
            // The drill goes on; the report says which entries are missing from the log.
            LOG.log(System.Logger.Level.ERROR, "audit entry of drill " + drillId + " not written", ex);
            return OptionalLong.empty();
        }
    }

    /** A record naming the entries and a signed checkpoint covering them all. */
    DrillAuditRecord close(DrillAuditRecord record) {
        if (log == null) {
            return record;
        }
        var note = log.publishCheckpoint();
        var body = log.latestCheckpointBody();
        return record.toBuilder().setCheckpointSize(body.size()).setCheckpointNote(note.format())
                .setDetail(record.getEntryIndexesCount() + " DRILL_EVENT entries of " + log.origin()
                        + ", covered by the signed checkpoint of size " + body.size()).build();
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }
}
