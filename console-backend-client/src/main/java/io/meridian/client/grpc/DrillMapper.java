package io.meridian.client.grpc;

import com.google.protobuf.Timestamp;
import io.meridian.api.v1.DrillReport;
import io.meridian.api.v1.StartDrillRequest;
import io.meridian.model.drill.Drill;
import io.meridian.model.drill.DrillAuditRecord;
import io.meridian.model.drill.DrillDecision;
import io.meridian.model.drill.DrillOutcome;
import io.meridian.model.drill.DrillRequest;
import io.meridian.model.drill.DrillState;
import io.meridian.model.drill.DrillStep;
import io.meridian.model.drill.DrillType;
import io.meridian.model.drill.Measure;
import io.meridian.model.drill.MeasureVerdict;
import io.meridian.model.drill.StepKind;
import io.meridian.model.drill.StepStatus;
import io.meridian.model.drill.TimelineEntry;
import io.meridian.model.drill.TimelineKind;
import java.time.Instant;

/** meridian.v1 drill messages to domain records and back; an unknown enum value is a protocol error. */
public final class DrillMapper {
    private DrillMapper() {
    }

    public static StartDrillRequest toProto(DrillRequest r) {
        return StartDrillRequest.newBuilder().setType(io.meridian.api.v1.DrillType.valueOf("DRILL_TYPE_"
                        + r.type().name())).addAllTargets(r.targets()).putAllParameters(r.parameters())
                .setRunbookName(r.runbookName()).setRunbookText(r.runbookText()).build();
    }

    public static Drill fromProto(DrillReport p) {
        return new Drill(p.getId(), value(DrillType.class, p.getType()), p.getTitle(), p.getTargetsList(),
                value(DrillState.class, p.getState()), p.getStateDetail(), p.getStartedBy(),
                ProtoTime.instant(p.getStartedAt()), optional(p.hasEndedAt(), p.getEndedAt()),
                ProtoTime.duration(p.getPlatformElapsed()), ProtoTime.duration(p.getWallElapsed()),
                p.getStepsList().stream().map(DrillMapper::step).toList(),
                p.getTimelineList().stream().map(DrillMapper::entry).toList(),
                p.getMeasuresList().stream().map(DrillMapper::measure).toList(),
                p.getDecisionsList().stream().map(d -> new DrillDecision(d.getProposalId(), d.getClusterId(),
                        d.getIdentity(), d.getDisplayName(), d.getApproved(), d.getReason(),
                        ProtoTime.instant(d.getDecidedAt()))).toList(),
                p.getProposalIdsList(),
                new DrillAuditRecord(p.getAudit().getAvailable(), p.getAudit().getDetail(),
                        p.getAudit().getEntryIndexesList(), p.getAudit().getCheckpointSize(),
                        p.getAudit().getCheckpointNote()),
                p.getRunbookName(), p.getDeclaredFaultsList(), value(DrillOutcome.class, p.getOutcome()));
    }

    private static DrillStep step(io.meridian.api.v1.DrillStep s) {
        return new DrillStep(s.getId(), s.getTitle(), value(StepKind.class, s.getKind()),
                value(StepStatus.class, s.getStatus()), s.getInstruction(), s.getConfirmBy(), s.getConfirmedBy(),
                optional(s.hasStartedAt(), s.getStartedAt()), optional(s.hasFinishedAt(), s.getFinishedAt()),
                s.getDetail());
    }

    private static TimelineEntry entry(io.meridian.api.v1.TimelineEvent e) {
        return new TimelineEntry(ProtoTime.instant(e.getAt()), ProtoTime.duration(e.getWallOffset()),
                value(TimelineKind.class, e.getKind()), e.getDetail(), e.getActor(), e.getSubject(),
                e.getProposalId(), e.getStepId(), e.hasValue() ? ProtoTime.duration(e.getValue()) : null,
                e.getDecisive());
    }

    private static Measure measure(io.meridian.api.v1.Measure m) {
        return new Measure(m.getName(), m.getSubject(),
                m.getMeasuredKnown() ? ProtoTime.duration(m.getMeasured()) : null,
                m.getHasTarget() ? ProtoTime.duration(m.getTarget()) : null, m.getTargetBasis(),
                value(MeasureVerdict.class, m.getVerdict()),
                m.hasWallMeasured() ? ProtoTime.duration(m.getWallMeasured()) : null, m.getNote());
    }

    private static Instant optional(boolean present, Timestamp t) {
        return present ? ProtoTime.instant(t) : null;
    }

    /** The proto enums' prefixes: "DRILL_STATE_" + RUNNING is DrillState.RUNNING. */
    private static final java.util.Set<String> PREFIXES = java.util.Set.of("DRILL_TYPE_", "DRILL_STATE_",
            "DRILL_OUTCOME_", "STEP_KIND_", "STEP_STATUS_", "TIMELINE_KIND_", "MEASURE_VERDICT_");

    /** The domain constant named like the proto one without its prefix ("DRILL_STATE_RUNNING" to RUNNING). */
    private static <E extends Enum<E>> E value(Class<E> type, Enum<?> proto) {
        var name = proto.name();
        for (var constant : type.getEnumConstants()) {
            var c = constant.name();
            if (name.endsWith(c) && PREFIXES.contains(name.substring(0, name.length() - c.length()))) {
                return constant;
            }
        }
        throw new ProtocolException("unknown " + type.getSimpleName() + " " + name);
    }
}
