package io.meridian.console.drill;

import io.meridian.model.drill.Drill;
import io.meridian.model.drill.DrillAuditRecord;
import io.meridian.model.drill.DrillOutcome;
import io.meridian.model.drill.DrillState;
import io.meridian.model.drill.DrillStep;
import io.meridian.model.drill.DrillType;
import io.meridian.model.drill.Measure;
import io.meridian.model.drill.MeasureVerdict;
import io.meridian.model.drill.StepKind;
import io.meridian.model.drill.StepStatus;
import io.meridian.model.drill.TimelineEntry;
import io.meridian.model.drill.TimelineKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Drills as the backend would report them, for view-model and export tests. */
final class DrillSamples {
    static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");

    private DrillSamples() {
    }

    static TimelineEntry at(long seconds, TimelineKind kind, String subject, boolean decisive) {
        return new TimelineEntry(T0.plusSeconds(seconds), Duration.ofMillis(seconds * 50), kind, kind.label(), "",
                subject, "", "", null, decisive);
    }

    /** A region outage 100 s in: detected at 12 s, proposal open, nobody decided yet. */
    static Drill waitingForDecision() {
        return new Drill("d-1", DrillType.REGION_OUTAGE, "Region outage of us-east-1", List.of("us-east-1"),
                DrillState.RUNNING, "", "carol", T0, null, Duration.ofSeconds(100), Duration.ofSeconds(5), List.of(),
                List.of(at(0, TimelineKind.FAULT_INJECTED, "", false), at(12, TimelineKind.DETECTED, "db", false),
                        at(12, TimelineKind.PROPOSAL_OPENED, "db", false)),
                List.of(new Measure("detection", "", Duration.ofSeconds(12), Duration.ofSeconds(30), "target",
                                MeasureVerdict.PASS, Duration.ofMillis(600), ""),
                        new Measure("time to decision", "db", null, Duration.ofSeconds(100), "target",
                                MeasureVerdict.PENDING, null, ""),
                        new Measure("RTO", "db", null, Duration.ofMinutes(5), "HOT", MeasureVerdict.PENDING, null, ""),
                        new Measure("RPO", "db", null, Duration.ofMinutes(1), "HOT", MeasureVerdict.PENDING, null,
                                "")),
                List.of(), List.of("p-1"), new DrillAuditRecord(false, "no audit log", List.of(), 0, ""), "",
                List.of("outage of region us-east-1"), DrillOutcome.PENDING);
    }

    /**
     * The shipped phase-7p monthly runbook 100 s in, at step {@code current} (0-based): the steps before it passed,
     * it runs (or, for a manual step, waits for Carol), the ones after it wait their turn.
     */
    static Drill monthlyRunbook(int current) {
        var plan = List.of(
                step("announce", "Announce the drill", StepKind.MANUAL, "Tell the operations channel and the on-call "
                        + "team that NA Virginia (us-east-1) goes out as a DR drill now, that failover proposals "
                        + "marked DRILL are expected, and who decides them. Confirm when announced.",
                        "announced in #ops-bridge"),
                step("fail-region", "Take NA Virginia (us-east-1) out", StepKind.INJECT, "Meridian injects an outage "
                        + "of region us-east-1 until cleanup", "outage of region us-east-1 (simulated: 1 fault(s) on "
                        + "us-east-1)"),
                step("detected", "Failure detected (target: under 30 s)", StepKind.EXPECT, "Watch: the platform "
                        + "should notice the fault on its own. Within 2 min of the fault.", "failover proposal(s) "
                        + "opened for control-plane, na-db"),
                step("decided", "Failovers approved by two operators", StepKind.EXPECT, "Decide: approve or reject "
                        + "each failover proposal marked DRILL on the Failover screen. Within 10 min of the fault.",
                        "control-plane: approved by Alice Operator and Bob Operator"),
                step("recovered", "Service restored (HOT tier: RTO under 5 min, RPO under 1 min)", StepKind.EXPECT,
                        "Watch: the approved failovers run; the platform should heal. Within 15 min of the fault.",
                        "control-plane: succeeded"),
                step("consistent", "Data consistency check after failover", StepKind.EXPECT, "Watch: the "
                        + "consistency check after failover should pass.", "control-plane: consistent"),
                step("verify", "Operator runbook check", StepKind.MANUAL, "On the map, check that the control plane's "
                        + "new primary serves routing and that every cluster Meridian could not fail over is listed "
                        + "with its reason (na-db keeps all replicas in us-east-1 by residency). Confirm with what "
                        + "you saw.", "checked on the map"),
                step("cleanup", "Bring NA Virginia back", StepKind.CLEANUP, "Meridian lifts the outage; the fenced "
                        + "primaries rejoin as standbys. Write the drill's comment in the report.", "lifted"));
        var steps = new java.util.ArrayList<DrillStep>();
        for (int i = 0; i < plan.size(); i++) {
            var s = plan.get(i);
            var status = i < current ? StepStatus.PASSED : i > current ? StepStatus.PENDING
                    : s.kind() == StepKind.MANUAL ? StepStatus.WAITING : StepStatus.RUNNING;
            steps.add(new DrillStep(s.id(), s.title(), s.kind(), status, s.instruction(),
                    s.kind() == StepKind.MANUAL ? "carol" : "", status == StepStatus.PASSED && s.kind()
                    == StepKind.MANUAL ? "carol" : "", i <= current ? T0.plusSeconds(i * 10L) : null,
                    i < current ? T0.plusSeconds(i * 10L + 5) : null, status == StepStatus.PASSED ? s.detail() : ""));
        }
        var d = waitingForDecision();
        return new Drill("d-2", DrillType.RUNBOOK, "Phase 7P monthly DR drill: regional failure of NA Virginia",
                d.targets(), d.state(), "", d.startedBy(), d.startedAt(), null, d.platformElapsed(), d.wallElapsed(),
                steps, d.timeline(), d.measures(), d.decisions(), d.proposalIds(), d.audit(), "phase-7p-monthly",
                d.declaredFaults(), d.outcome());
    }

    private static DrillStep step(String id, String title, StepKind kind, String instruction, String detail) {
        return new DrillStep(id, title, kind, StepStatus.PENDING, instruction, "", "", null, null, detail);
    }
}
