package io.meridian.console.drill;

import io.meridian.model.drill.Drill;
import io.meridian.model.drill.DrillAuditRecord;
import io.meridian.model.drill.DrillOutcome;
import io.meridian.model.drill.DrillState;
import io.meridian.model.drill.DrillType;
import io.meridian.model.drill.Measure;
import io.meridian.model.drill.MeasureVerdict;
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
}
