package io.meridian.server.drill;

import io.meridian.api.v1.DrillOutcome;
import io.meridian.api.v1.DrillReport;
import io.meridian.api.v1.DrillState;
import io.meridian.api.v1.MeasureVerdict;
import io.meridian.api.v1.StepStatus;
import io.meridian.api.v1.TimelineEvent;
import io.meridian.api.v1.TimelineKind;
import io.meridian.client.grpc.ProtoTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * One drill's report, kept current: every change goes through here under its lock, which numbers and audits each
 * timeline event, recomputes the measures from the timeline, keeps the record on disk and tells the watchers
 * (the report as it is now, and the events just added).
 */
final class DrillRecord {
    /** Told of every change: the report as it is now, the events just added, and whether this is the last change. */
    interface Watcher {
        void changed(DrillReport report, List<TimelineEvent> added, boolean last);
    }

    /** Where a change goes besides the watchers: the store, when the backend keeps drills on disk. */
    interface Sink {
        void saved(DrillReport report);
    }

    private final Clock clock;
    private final LongSupplier wallNanos;
    private final long wallStart;
    private final DrillTargets targets;
    private final boolean failover;
    private final String auditRegion;
    private final DrillAudit audit;
    private final Sink sink;
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private DrillReport report;
    /** True once the drill ended and its audit checkpoint was signed: nothing changes any more. */
    private boolean closed;

    DrillRecord(DrillReport initial, Clock clock, LongSupplier wallNanos, DrillTargets targets, boolean failover,
                DrillAudit audit, Sink sink) {
        this.clock = clock;
        this.wallNanos = wallNanos;
        this.wallStart = wallNanos.getAsLong();
        this.targets = targets;
        this.failover = failover;
        this.auditRegion = initial.getTargets(0);
        this.audit = audit;
        this.sink = sink;
        this.report = initial;
    }

    String id() {
        return report.getId();
    }

    Clock clock() {
        return clock;
    }

    DrillTargets targets() {
        return targets;
    }

    synchronized DrillReport snapshot() {
        if (report.getState() != DrillState.DRILL_STATE_RUNNING) {
            return report;
        }
        return report.toBuilder().setPlatformElapsed(ProtoTime.duration(Duration.between(
                        ProtoTime.instant(report.getStartedAt()), clock.instant())))
                .setWallElapsed(ProtoTime.duration(wallSinceStart())).build();
    }

    /** Subscribes; the watcher first gets the report as it is with its whole timeline. Returns the unsubscribe. */
    synchronized Runnable watch(Watcher watcher) {
        watcher.changed(snapshot(), report.getTimelineList(), closed);
        if (closed) {
            return () -> { };
        }
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /** Adds a timeline event at platform time {@code at}, recorded now on the wall clock. */
    synchronized TimelineEvent event(TimelineEvent.Builder event, Instant at) {
        var e = event.setAt(ProtoTime.timestamp(at)).setWallOffset(ProtoTime.duration(wallSinceStart())).build();
        var next = report.toBuilder().addTimeline(e);
        audit.append(report.getId(), auditRegion, report.getTimelineCount() + 1, e)
                .ifPresent(next.getAuditBuilder()::addEntryIndexes);
        report = next.build();
        changed(List.of(e));
        return e;
    }

    synchronized void update(UnaryOperator<DrillReport.Builder> change) {
        report = change.apply(report.toBuilder()).build();
        changed(List.of());
    }

    synchronized DrillReport.Builder current() {
        return report.toBuilder();
    }

    /** Ends the drill in {@code state}: elapsed times frozen, outcome settled, the audit checkpoint signed. */
    synchronized void end(DrillState state, String detail) {
        var now = clock.instant();
        var b = report.toBuilder().setState(state).setStateDetail(detail).setEndedAt(ProtoTime.timestamp(now))
                .setPlatformElapsed(ProtoTime.duration(Duration.between(ProtoTime.instant(report.getStartedAt()),
                        now)))
                .setWallElapsed(ProtoTime.duration(wallSinceStart()));
        for (int i = 0; i < b.getStepsCount(); i++) {
            var s = b.getSteps(i).getStatus();
            if (s == StepStatus.STEP_STATUS_PENDING || s == StepStatus.STEP_STATUS_RUNNING
                    || s == StepStatus.STEP_STATUS_WAITING) {
                b.setSteps(i, b.getSteps(i).toBuilder().setStatus(StepStatus.STEP_STATUS_SKIPPED));
            }
        }
        report = b.build();
        event(TimelineEvent.newBuilder().setKind(TimelineKind.TIMELINE_KIND_DRILL_ENDED).setDetail(detail), now);
        report = report.toBuilder().setAudit(audit.close(report.getAudit())).build();
        this.closed = true;
        changed(List.of());
        watchers.clear();
    }

    private void changed(List<TimelineEvent> added) {
        boolean ended = report.getState() != DrillState.DRILL_STATE_RUNNING;
        var measures = DrillMeasures.compute(report.getTimelineList(), targets, failover, ended);
        report = report.toBuilder().clearMeasures().addAllMeasures(measures).setOutcome(outcome(report, measures,
                ended)).build();
        sink.saved(report);
        var now = snapshot();
        watchers.forEach(w -> w.changed(now, added, closed));
    }

    private static DrillOutcome outcome(DrillReport r, List<io.meridian.api.v1.Measure> measures, boolean ended) {
        if (r.getState() == DrillState.DRILL_STATE_ABORTED || r.getState() == DrillState.DRILL_STATE_INTERRUPTED) {
            return DrillOutcome.DRILL_OUTCOME_INCOMPLETE;
        }
        boolean failed = measures.stream().anyMatch(m -> m.getVerdict() == MeasureVerdict.MEASURE_VERDICT_FAIL)
                || r.getStepsList().stream().anyMatch(s -> s.getStatus() == StepStatus.STEP_STATUS_FAILED);
        if (failed) {
            return DrillOutcome.DRILL_OUTCOME_FAILED;
        }
        return ended ? DrillOutcome.DRILL_OUTCOME_PASSED : DrillOutcome.DRILL_OUTCOME_PENDING;
    }

    private Duration wallSinceStart() {
        return Duration.ofNanos(wallNanos.getAsLong() - wallStart);
    }
}
