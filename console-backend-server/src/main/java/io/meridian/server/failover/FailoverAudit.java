package io.meridian.server.failover;

import io.meridian.api.v1.Decision;
import io.meridian.api.v1.DecisionKind;
import io.meridian.api.v1.PhaseRecord;
import io.meridian.api.v1.PhaseStatus;
import io.meridian.api.v1.Proposal;
import io.meridian.audit.AuditAction;
import io.meridian.audit.Outcome;
import io.meridian.audit.TriggerKind;
import io.meridian.server.audit.EntryDraft;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns failover events into audit entries of a stable shape: the query id names the proposal and the event
 * ("failover/&lt;proposal&gt;/proposed", ".../decision/&lt;request id&gt;", ".../phase/&lt;PHASE&gt;"), the actor is the
 * person or "meridian", the region is the cluster's primary region.
 */
final class FailoverAudit {
    static final String SYSTEM_ACTOR = "meridian";

    private final Consumer<List<EntryDraft>> sink;

    FailoverAudit(Consumer<List<EntryDraft>> sink) {
        this.sink = sink;
    }

    void proposed(Proposal p, String region, String requester, Instant at) {
        var person = !requester.isEmpty();
        append(new EntryDraft(base(p) + "/proposed", person ? requester : SYSTEM_ACTOR, AuditAction.FAILOVER_PROPOSED,
                person ? TriggerKind.PERSON : TriggerKind.AUTOMATIC, person ? requester : "", region, micros(at),
                Outcome.SUCCEEDED, describe(p) + "; verdict " + p.getDryRun().getVerdict().name()
                        .replace("VERDICT_", "")));
    }

    void decided(Proposal p, String region, Decision d) {
        boolean approve = d.getDecision() == DecisionKind.DECISION_KIND_APPROVE;
        var overrides = d.getOverriddenChecksCount() == 0 ? ""
                : "; overrode " + String.join(", ", d.getOverriddenChecksList());
        append(new EntryDraft(base(p) + "/decision/" + d.getRequestId(), d.getIdentity(),
                AuditAction.FAILOVER_DECIDED, TriggerKind.PERSON, d.getIdentity(), region,
                micros(Instant.ofEpochSecond(d.getDecidedAt().getSeconds(), d.getDecidedAt().getNanos())),
                approve ? Outcome.SUCCEEDED : Outcome.REJECTED,
                (approve ? "approved" : "rejected") + " version " + d.getProposalVersion() + " of " + describe(p)
                        + ": " + d.getReason() + overrides));
    }

    void phase(Proposal p, String region, PhaseRecord phase, String approvedBy, Instant at) {
        var outcome = phase.getStatus() == PhaseStatus.PHASE_STATUS_DONE ? Outcome.SUCCEEDED : Outcome.FAILED;
        append(new EntryDraft(base(p) + "/phase/" + phase.getPhase().name().replace("EXECUTION_PHASE_", ""),
                SYSTEM_ACTOR, AuditAction.EXECUTION_PHASE, TriggerKind.PERSON, approvedBy, region, micros(at),
                outcome, phase.getDetail()));
    }

    private static String base(Proposal p) {
        return "failover/" + p.getId();
    }

    private static String describe(Proposal p) {
        return (p.getKind().name().contains("SWITCHOVER") ? "switchover" : "failover") + " of " + p.getClusterId()
                + " from " + p.getOldPrimaryId() + " to " + p.getCandidateId()
                + (p.getDrillId().isEmpty() ? "" : " (drill " + p.getDrillId() + ")");
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    private void append(EntryDraft draft) {
        sink.accept(List.of(draft));
    }
}
