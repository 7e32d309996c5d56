package io.meridian.console.drill;

import io.meridian.model.drill.Drill;
import io.meridian.model.drill.Measure;
import io.meridian.model.drill.TimelineEntry;
import io.meridian.model.drill.TimelineKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The four clocks of a drill, from its timeline and measures at a moment of platform time: time since the fault
 * (against the RTO), detection, time to decision and RTO (each against its target). A clock runs until the event
 * that stops it arrives; then it shows the measured figure, the same one the report lists. Pure.
 */
final class DrillClocks {
    static final String SINCE_FAULT = "Since fault";
    static final String DETECTION = "Detection";
    static final String DECISION = "Time to decision";
    static final String RTO = "RTO";

    private DrillClocks() {
    }

    static List<ClockFigure> at(Drill drill, Instant platformNow) {
        var fault = first(drill.timeline(), TimelineKind.FAULT_INJECTED, null);
        if (fault.isEmpty()) {
            return List.of();
        }
        var from = fault.get().at();
        var end = drill.state().ended() && drill.endedAt() != null ? drill.endedAt() : platformNow;
        var lifted = first(drill.timeline(), TimelineKind.FAULT_LIFTED, null).map(TimelineEntry::at);
        var rtoTarget = measure(drill, "RTO", null).map(Measure::target).orElse(null);
        boolean faultRuns = lifted.isEmpty() && !drill.state().ended();
        var sinceFault = ClockFigure.of(SINCE_FAULT, between(from, lifted.orElse(end)), rtoTarget, faultRuns,
                faultRuns ? "the fault is active" : "fault lifted");

        var detection = clock(DETECTION, measure(drill, "detection", null), from, end, drill,
                "waiting for the platform to notice");
        // The cluster the clocks follow: the first one somebody decided on, else the first proposal that can still
        // be decided (a blocked one has its own line in the report), else the first proposal.
        var stuck = drill.timeline().stream().filter(e -> e.kind() == TimelineKind.NOT_RECOVERED)
                .map(TimelineEntry::subject).toList();
        var subject = drill.timeline().stream().filter(e -> e.kind() == TimelineKind.DECISION).findFirst()
                .or(() -> drill.timeline().stream().filter(e -> e.kind() == TimelineKind.PROPOSAL_OPENED
                        && !stuck.contains(e.subject())).findFirst())
                .or(() -> first(drill.timeline(), TimelineKind.PROPOSAL_OPENED, null))
                .map(TimelineEntry::subject).orElse(null);
        var opened = subject == null ? Optional.<TimelineEntry>empty()
                : first(drill.timeline(), TimelineKind.PROPOSAL_OPENED, subject);
        var decisionMeasure = subject == null ? measure(drill, "time to decision", null)
                : measure(drill, "time to decision", subject);
        ClockFigure decision = opened.isPresent()
                ? clock(DECISION, decisionMeasure, opened.get().at(), end, drill,
                "waiting for decisions on " + subject)
                : new ClockFigure(DECISION, null, decisionMeasure.map(Measure::target).orElse(null), false,
                ClockLevel.NO_TARGET, "starts when a failover is proposed");
        var rtoMeasure = subject == null ? measure(drill, "RTO", null) : measure(drill, "RTO", subject);
        ClockFigure rto = rtoMeasure.isPresent()
                ? clock(RTO, rtoMeasure, from, end, drill, "until " + subject + " serves again")
                : new ClockFigure(RTO, null, null, false, ClockLevel.NO_TARGET, "no failover in this drill");
        return List.of(sinceFault, detection, decision, rto);
    }

    /** A clock stopped at its measure, or running from {@code from} while the measure is pending. */
    private static ClockFigure clock(String name, Optional<Measure> measure, Instant from, Instant end, Drill drill,
                                     String waiting) {
        var target = measure.map(Measure::target).orElse(null);
        if (measure.isPresent() && measure.get().measured() != null) {
            var m = measure.get();
            return ClockFigure.of(name, m.measured(), target, false, m.subject().isEmpty() ? "measured"
                    : "measured for " + m.subject());
        }
        if (drill.state().ended() || measure.isPresent() && !measure.get().note().isEmpty()) {
            var note = measure.map(Measure::note).filter(n -> !n.isEmpty()).orElse("not measured");
            return new ClockFigure(name, between(from, end), target, false,
                    target == null ? ClockLevel.NO_TARGET : ClockLevel.OVER, note);
        }
        return ClockFigure.of(name, between(from, end), target, true, waiting);
    }

    private static Optional<Measure> measure(Drill drill, String name, String subject) {
        return drill.measures().stream().filter(m -> m.name().equals(name)
                && (subject == null || m.subject().equals(subject))).findFirst();
    }

    private static Optional<TimelineEntry> first(List<TimelineEntry> timeline, TimelineKind kind, String subject) {
        return timeline.stream().filter(e -> e.kind() == kind && (subject == null || e.subject().equals(subject)))
                .findFirst();
    }

    private static Duration between(Instant from, Instant to) {
        var d = Duration.between(from, to);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
