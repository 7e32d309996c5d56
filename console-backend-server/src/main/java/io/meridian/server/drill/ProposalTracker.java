package io.meridian.server.drill;

import io.meridian.api.v1.DecisionKind;
import io.meridian.api.v1.DrillDecision;
import io.meridian.api.v1.PhaseStatus;
import io.meridian.api.v1.Proposal;
import io.meridian.api.v1.ProposalState;
import io.meridian.api.v1.TimelineEvent;
import io.meridian.api.v1.TimelineKind;
import io.meridian.api.v1.Verdict;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.model.failover.ExecutionPhase;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Follows the failover proposals that carry one drill's id and turns what changed in them into timeline events, at
 * the times the proposals themselves record: opened (the detection), each decision with who and when, each phase,
 * recovered with the data lost, the consistency check, or why a cluster was not recovered. It only ever looks at
 * proposals with its drill's id.
 */
final class ProposalTracker {
    private final String drillId;
    private final DrillRecord record;
    private final Map<String, Proposal> seen = new LinkedHashMap<>();
    private final Set<String> reportedBlocked = new HashSet<>();

    ProposalTracker(String drillId, DrillRecord record) {
        this.drillId = drillId;
        this.record = record;
    }

    /** Looks at the workflow's proposals now; emits what changed since the last look. */
    void observe(Collection<Proposal> proposals) {
        for (var p : proposals) {
            if (!p.getDrillId().equals(drillId)) {
                continue;
            }
            var before = seen.put(p.getId(), p);
            if (before == null) {
                opened(p);
                before = Proposal.newBuilder().setState(ProposalState.PROPOSAL_STATE_OPEN).build();
            }
            changed(before, p);
        }
    }

    Collection<Proposal> proposals() {
        return seen.values();
    }

    boolean any() {
        return !seen.isEmpty();
    }

    /** A proposal that no one can approve: a check blocks it. */
    static boolean blocked(Proposal p) {
        return p.getState() == ProposalState.PROPOSAL_STATE_OPEN
                && p.getDryRun().getVerdict() == Verdict.VERDICT_BLOCK;
    }

    static boolean decided(Proposal p) {
        return p.getState() != ProposalState.PROPOSAL_STATE_OPEN;
    }

    static boolean finished(Proposal p) {
        return p.getState() != ProposalState.PROPOSAL_STATE_OPEN
                && p.getState() != ProposalState.PROPOSAL_STATE_EXECUTING;
    }

    private void opened(Proposal p) {
        var at = ProtoTime.instant(p.getOpenedAt());
        record.update(b -> b.addProposalIds(p.getId()));
        emit(TimelineKind.TIMELINE_KIND_DETECTED, at, p, "", p.getOpenedBy());
        emit(TimelineKind.TIMELINE_KIND_PROPOSAL_OPENED, at, p, "", "failover of " + p.getClusterId() + " from "
                + p.getOldPrimaryId() + (p.getCandidateId().isEmpty() ? "" : " to " + p.getCandidateId())
                + "; dry run " + p.getDryRun().getVerdict().name().replace("VERDICT_", "") + ", "
                + p.getApprovalsRequired() + " approval(s) needed");
    }

    private void changed(Proposal before, Proposal p) {
        for (int i = before.getDecisionsCount(); i < p.getDecisionsCount(); i++) {
            var d = p.getDecisions(i);
            boolean approve = d.getDecision() == DecisionKind.DECISION_KIND_APPROVE;
            boolean decisive = i == p.getDecisionsCount() - 1 && decided(p);
            // The backend's time of the decision, not the decider's own clock (which need not agree with the
            // platform's, least of all when the platform runs faster than real time); the tracker is woken by every
            // proposal change, so this is when the backend recorded it, to within a poll.
            var at = record.clock().instant();
            record.update(b -> b.addDecisions(DrillDecision.newBuilder().setProposalId(p.getId())
                    .setClusterId(p.getClusterId()).setIdentity(d.getIdentity()).setDisplayName(d.getDisplayName())
                    .setApproved(approve).setReason(d.getReason()).setDecidedAt(ProtoTime.timestamp(at))));
            record.event(TimelineEvent.newBuilder().setKind(TimelineKind.TIMELINE_KIND_DECISION)
                    .setActor(d.getIdentity()).setSubject(p.getClusterId()).setProposalId(p.getId())
                    .setDecisive(decisive).setDetail((approve ? "approved by " : "rejected by ") + d.getDisplayName()
                            + ": " + d.getReason()), at);
        }
        for (int i = 0; i < p.getPhasesCount(); i++) {
            var phase = p.getPhases(i);
            var was = i < before.getPhasesCount() ? before.getPhases(i).getStatus() : PhaseStatus.PHASE_STATUS_PENDING;
            boolean ended = phase.getStatus() == PhaseStatus.PHASE_STATUS_DONE
                    || phase.getStatus() == PhaseStatus.PHASE_STATUS_FAILED;
            if (ended && was != phase.getStatus()) {
                var label = ExecutionPhase.valueOf(phase.getPhase().name().replace("EXECUTION_PHASE_", "")).label();
                var at = ProtoTime.instant(phase.getFinishedAt());
                boolean done = phase.getStatus() == PhaseStatus.PHASE_STATUS_DONE;
                emit(TimelineKind.TIMELINE_KIND_PHASE, at, p, "", label + (done ? " done: " : " FAILED: ")
                        + phase.getDetail());
                if (done && phase.getPhase() == io.meridian.api.v1.ExecutionPhase.EXECUTION_PHASE_CHECK_CONSISTENCY) {
                    emit(TimelineKind.TIMELINE_KIND_CONSISTENCY_CHECKED, at, p, "", phase.getDetail());
                }
            }
        }
        if (before.getState() != p.getState()) {
            switch (p.getState()) {
                case PROPOSAL_STATE_SUCCEEDED -> record.event(TimelineEvent.newBuilder()
                        .setKind(TimelineKind.TIMELINE_KIND_RECOVERED).setSubject(p.getClusterId())
                        .setProposalId(p.getId()).setValue(p.getMeasuredRpo())
                        .setDetail(p.getStateDetail() + "; data lost " + Durations.words(ProtoTime.duration(
                                p.getMeasuredRpo()))), lastPhaseEnd(p));
                case PROPOSAL_STATE_FAILED, PROPOSAL_STATE_REJECTED, PROPOSAL_STATE_WITHDRAWN -> emit(
                        TimelineKind.TIMELINE_KIND_NOT_RECOVERED, record.clock().instant(), p, "",
                        p.getStateDetail());
                default -> { }
            }
        }
        if (blocked(p) && reportedBlocked.add(p.getId())) {
            var check = p.getDryRun().getChecksList().stream().filter(c -> c.getVerdict() == Verdict.VERDICT_BLOCK)
                    .findFirst();
            emit(TimelineKind.TIMELINE_KIND_NOT_RECOVERED, ProtoTime.instant(p.getOpenedAt()), p, "",
                    "cannot be approved: blocked by " + check.map(c -> c.getRule() + " (" + c.getReason() + ")")
                            .orElse("its dry run"));
        }
    }

    private static Instant lastPhaseEnd(Proposal p) {
        return p.getPhasesList().stream().filter(ph -> ph.hasFinishedAt())
                .map(ph -> ProtoTime.instant(ph.getFinishedAt())).max(Instant::compareTo)
                .orElse(ProtoTime.instant(p.getOpenedAt()));
    }

    private void emit(TimelineKind kind, Instant at, Proposal p, String actor, String detail) {
        record.event(TimelineEvent.newBuilder().setKind(kind).setActor(actor).setSubject(p.getClusterId())
                .setProposalId(p.getId()).setDetail(detail), at);
    }
}
