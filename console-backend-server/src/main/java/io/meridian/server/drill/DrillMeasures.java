package io.meridian.server.drill;

import io.meridian.api.v1.Measure;
import io.meridian.api.v1.MeasureVerdict;
import io.meridian.api.v1.TimelineEvent;
import io.meridian.api.v1.TimelineKind;
import io.meridian.client.grpc.ProtoTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Derives a drill's measures from its timeline alone, so the report's figures always agree with the events it
 * lists: detection is fault to first detection; per cluster, time to decision is proposal opened to the decisive
 * decision, RTO is fault to recovered and RPO the data loss the recovery reported. Pure.
 */
final class DrillMeasures {
    static final String DETECTION = "detection";
    static final String DECISION = "time to decision";
    static final String RTO = "RTO";
    static final String RPO = "RPO";
    static final String RECOVERY = "recovery after the fault";

    private DrillMeasures() {
    }

    /**
     * @param failover whether the drill's fault is expected to cause failovers (a region outage)
     * @param ended    whether the drill ended: a figure still missing then fails instead of pending
     */
    static List<Measure> compute(List<TimelineEvent> timeline, DrillTargets targets, boolean failover,
                                 boolean ended) {
        var measures = new ArrayList<Measure>();
        var injected = first(timeline, e -> e.getKind() == TimelineKind.TIMELINE_KIND_FAULT_INJECTED);
        if (injected.isEmpty()) {
            return measures;
        }
        var fault = injected.get();
        var detected = first(timeline, e -> e.getKind() == TimelineKind.TIMELINE_KIND_DETECTED);
        measures.add(against(DETECTION, "", fault, detected, targets.detection(), targets.detectionBasis(), ended,
                "not detected"));
        if (!failover) {
            var lifted = first(timeline, e -> e.getKind() == TimelineKind.TIMELINE_KIND_FAULT_LIFTED);
            var recovered = first(timeline, e -> e.getKind() == TimelineKind.TIMELINE_KIND_RECOVERED);
            if (lifted.isPresent()) {
                var m = between(RECOVERY, "", lifted.get(), recovered)
                        .setTargetBasis("no document states a target for healing after the fault is lifted");
                m.setVerdict(recovered.isPresent() ? MeasureVerdict.MEASURE_VERDICT_NOT_APPLICABLE
                        : ended ? MeasureVerdict.MEASURE_VERDICT_FAIL : MeasureVerdict.MEASURE_VERDICT_PENDING);
                if (recovered.isEmpty() && ended) {
                    m.setNote("not healed before the drill ended");
                }
                measures.add(m.build());
            }
            return measures;
        }
        var clusters = new LinkedHashSet<String>();
        timeline.stream().filter(e -> e.getKind() == TimelineKind.TIMELINE_KIND_PROPOSAL_OPENED)
                .forEach(e -> clusters.add(e.getSubject()));
        for (var cluster : clusters) {
            var opened = first(timeline, e -> e.getKind() == TimelineKind.TIMELINE_KIND_PROPOSAL_OPENED
                    && e.getSubject().equals(cluster)).orElseThrow();
            var decisive = first(timeline, e -> e.getKind() == TimelineKind.TIMELINE_KIND_DECISION
                    && e.getSubject().equals(cluster) && e.getDecisive());
            var lost = first(timeline, e -> e.getKind() == TimelineKind.TIMELINE_KIND_NOT_RECOVERED
                    && e.getSubject().equals(cluster));
            var recovered = first(timeline, e -> e.getKind() == TimelineKind.TIMELINE_KIND_RECOVERED
                    && e.getSubject().equals(cluster));
            boolean settled = ended || lost.isPresent();
            var why = lost.map(e -> "not recovered: " + e.getDetail()).orElse("not recovered");
            measures.add(against(DECISION, cluster, opened, decisive, targets.decision(), targets.decisionBasis(),
                    settled, lost.map(e -> "not decided: " + e.getDetail()).orElse("not decided")));
            measures.add(against(RTO, cluster, fault, recovered, targets.rto(), "RTO of the " + targets.tierBasis(),
                    settled, why));
            measures.add(rpo(cluster, recovered, targets, settled));
        }
        return measures;
    }

    private static Measure rpo(String cluster, Optional<TimelineEvent> recovered, DrillTargets targets,
                               boolean settled) {
        var m = Measure.newBuilder().setName(RPO).setSubject(cluster).setTarget(ProtoTime.duration(targets.rpo()))
                .setHasTarget(true).setTargetBasis("RPO of the " + targets.tierBasis());
        if (recovered.isPresent()) {
            var lost = ProtoTime.duration(recovered.get().getValue());
            return m.setMeasured(recovered.get().getValue()).setMeasuredKnown(true)
                    .setVerdict(lost.compareTo(targets.rpo()) <= 0 ? MeasureVerdict.MEASURE_VERDICT_PASS
                            : MeasureVerdict.MEASURE_VERDICT_FAIL).build();
        }
        return m.setVerdict(settled ? MeasureVerdict.MEASURE_VERDICT_NOT_APPLICABLE
                        : MeasureVerdict.MEASURE_VERDICT_PENDING)
                .setNote(settled ? "nothing was promoted, so nothing was lost: the data waits in the failed region"
                        : "").build();
    }

    private static Measure against(String name, String subject, TimelineEvent from, Optional<TimelineEvent> to,
                                   Duration target, String basis, boolean settled, String missing) {
        var m = between(name, subject, from, to).setTarget(ProtoTime.duration(target)).setHasTarget(true)
                .setTargetBasis(basis);
        if (to.isPresent()) {
            var measured = interval(from, to.get());
            m.setVerdict(measured.compareTo(target) <= 0 ? MeasureVerdict.MEASURE_VERDICT_PASS
                    : MeasureVerdict.MEASURE_VERDICT_FAIL);
        } else if (settled) {
            m.setVerdict(MeasureVerdict.MEASURE_VERDICT_FAIL).setNote(missing);
        } else {
            m.setVerdict(MeasureVerdict.MEASURE_VERDICT_PENDING);
        }
        return m.build();
    }

    private static Measure.Builder between(String name, String subject, TimelineEvent from,
                                           Optional<TimelineEvent> to) {
        var m = Measure.newBuilder().setName(name).setSubject(subject);
        to.ifPresent(end -> m.setMeasured(ProtoTime.duration(interval(from, end))).setMeasuredKnown(true)
                .setWallMeasured(ProtoTime.duration(ProtoTime.duration(end.getWallOffset())
                        .minus(ProtoTime.duration(from.getWallOffset())))));
        return m;
    }

    static Duration interval(TimelineEvent from, TimelineEvent to) {
        var d = Duration.between(ProtoTime.instant(from.getAt()), ProtoTime.instant(to.getAt()));
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Optional<TimelineEvent> first(List<TimelineEvent> timeline, Predicate<TimelineEvent> test) {
        return timeline.stream().filter(test).findFirst();
    }
}
