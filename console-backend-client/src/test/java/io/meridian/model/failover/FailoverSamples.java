package io.meridian.model.failover;

import io.meridian.model.topology.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A proposal with every field set, for mapper and view-model tests. */
public final class FailoverSamples {
    public static final Instant OPENED = Instant.parse("2026-11-25T14:00:00.123456Z");

    private FailoverSamples() {
    }

    public static DryRunReport report(Verdict verdict, List<PolicyCheck> checks) {
        return new DryRunReport(OPENED.plusSeconds(2), List.of(
                new Candidate("eu-db-fra-2", "eu-central-1", Health.HEALTHY, Duration.ofMillis(800), 4096, true,
                        true, true, List.of("synchronous standby, caught up")),
                new Candidate("eu-db-fra-3", "eu-central-1", Health.DEGRADED, Duration.ofSeconds(45), 9_000_000,
                        false, false, false, List.of("lag frozen: unknown", "degraded"))),
                "eu-db-fra-2 is synchronous and healthy", Duration.ofMillis(800), 4096, true,
                Duration.ofSeconds(5), Duration.ofSeconds(40), Duration.ofMinutes(1), checks, verdict);
    }

    public static Proposal open(long version, List<Decision> decisions) {
        return new Proposal("p-1", version, "eu-orders", FailoverKind.UNPLANNED_FAILOVER, ProposalState.OPEN, "",
                "eu-db-fra-1", "eu-db-fra-2", "detected: eu-db-fra-1 missed 6 heartbeats", OPENED,
                OPENED.minusSeconds(20),
                report(Verdict.WARN, List.of(
                        new PolicyCheck("data-residency", Verdict.PASS, "stays in the EU (GDPR)", ""),
                        new PolicyCheck("fencing", Verdict.WARN, "old primary unreachable: fence by STONITH",
                                "incident-commander"))),
                2, decisions, List.of(), null, null, 0, "", OPENED.plus(Duration.ofMinutes(30)));
    }

    public static Decision approval(String identity, long version) {
        return new Decision(identity, "Dana " + identity, DecisionKind.APPROVE, "primary is gone",
                OPENED.plusSeconds(30), "req-" + identity, version, List.of("fencing"), new byte[] {1, 2, 3});
    }

    public static Proposal succeeded() {
        var start = OPENED.plusSeconds(60);
        return new Proposal("p-1", 3, "eu-orders", FailoverKind.UNPLANNED_FAILOVER, ProposalState.SUCCEEDED,
                "eu-db-fra-2 is the primary", "eu-db-fra-1", "eu-db-fra-2", "detected", OPENED,
                OPENED.minusSeconds(20), report(Verdict.PASS, List.of()), 2,
                List.of(approval("dana", 2), approval("omar", 2)),
                List.of(new PhaseRecord(ExecutionPhase.FENCE, PhaseStatus.DONE, start, start.plusSeconds(2), "fenced"),
                        new PhaseRecord(ExecutionPhase.PROMOTE, PhaseStatus.DONE, start.plusSeconds(2),
                                start.plusSeconds(5), "promoted"),
                        new PhaseRecord(ExecutionPhase.REROUTE, PhaseStatus.RUNNING, start.plusSeconds(5), null,
                                ""),
                        new PhaseRecord(ExecutionPhase.VERIFY_HEALTH, PhaseStatus.PENDING, null, null, "")),
                Duration.ofSeconds(92), Duration.ofMillis(800), 4096, "drill-7", null);
    }
}
