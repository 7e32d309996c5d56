package io.meridian.client.grpc;

import static io.meridian.client.grpc.ProtoTime.duration;
import static io.meridian.client.grpc.ProtoTime.instant;
import static io.meridian.client.grpc.ProtoTime.timestamp;
import static io.meridian.client.grpc.TopologyMapper.known;

import com.google.protobuf.ByteString;
import io.meridian.api.v1.DecisionRequest;
import io.meridian.failover.SignedDecision;
import io.meridian.model.failover.Candidate;
import io.meridian.model.failover.Decision;
import io.meridian.model.failover.DecisionKind;
import io.meridian.model.failover.DecisionReceipt;
import io.meridian.model.failover.DryRunReport;
import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.failover.FailoverKind;
import io.meridian.model.failover.PhaseRecord;
import io.meridian.model.failover.PhaseStatus;
import io.meridian.model.failover.PolicyCheck;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.ProposalEvent;
import io.meridian.model.failover.ProposalState;
import io.meridian.model.failover.Verdict;
import io.meridian.model.topology.Health;
import java.time.Instant;

/**
 * Maps failover messages of meridian.v1 to the domain model and back (the way back serves tests and any server written
 * on the domain model). Unset
 * optional times map to null (and back to unset); an enum value this version does not know is a
 * {@link ProtocolException} naming the field.
 */
public final class FailoverMapper {
    private FailoverMapper() {
    }

    // ---- proto -> domain

    public static Proposal fromProto(io.meridian.api.v1.Proposal p) {
        var where = "Proposal " + p.getId();
        return new Proposal(p.getId(), p.getVersion(), p.getClusterId(),
                known(FailoverKind.class, p.getKind().name(), "FAILOVER_KIND_", where + " kind"),
                known(ProposalState.class, p.getState().name(), "PROPOSAL_STATE_", where + " state"),
                p.getStateDetail(), p.getOldPrimaryId(), p.getCandidateId(), p.getOpenedBy(),
                instant(p.getOpenedAt()), p.hasFailureSeenAt() ? instant(p.getFailureSeenAt()) : null,
                fromProto(p.getDryRun(), where), p.getApprovalsRequired(),
                p.getDecisionsList().stream().map(d -> fromProto(d, where)).toList(),
                p.getPhasesList().stream().map(r -> fromProto(r, where)).toList(),
                p.hasMeasuredRto() ? duration(p.getMeasuredRto()) : null,
                p.hasMeasuredRpo() ? duration(p.getMeasuredRpo()) : null,
                p.getMeasuredLostBytes(), p.getDrillId(),
                p.hasFlappingWindowEndsAt() ? instant(p.getFlappingWindowEndsAt()) : null);
    }

    public static ProposalEvent fromProto(io.meridian.api.v1.ProposalEvent e) {
        Instant time = instant(e.getTime());
        return switch (e.getEventCase()) {
            case PROPOSAL -> new ProposalEvent.Changed(time, fromProto(e.getProposal()));
            case HEARTBEAT -> new ProposalEvent.Heartbeat(time);
            case EVENT_NOT_SET -> throw new ProtocolException("ProposalEvent.event is not set");
        };
    }

    public static DecisionReceipt fromProto(io.meridian.api.v1.DecisionReceipt r) {
        var proposal = fromProto(r.getProposal());
        return new DecisionReceipt(proposal, fromProto(r.getDecision(), "Proposal " + proposal.id()),
                r.getReplayed());
    }

    static DryRunReport fromProto(io.meridian.api.v1.DryRunReport r, String where) {
        return new DryRunReport(instant(r.getComputedAt()),
                r.getCandidatesList().stream().map(c -> fromProto(c, where)).toList(), r.getRankingReason(),
                duration(r.getEstimatedDataLoss()), r.getEstimatedLostBytes(), r.getDataLossKnown(),
                duration(r.getRpoTarget()), duration(r.getEstimatedRto()), duration(r.getRtoTarget()),
                r.getChecksList().stream().map(c -> fromProto(c, where)).toList(),
                verdict(r.getVerdict(), where + " dry-run verdict"));
    }

    static Candidate fromProto(io.meridian.api.v1.Candidate c, String where) {
        return new Candidate(c.getReplicaId(), c.getRegionId(),
                known(Health.class, c.getHealth().name(), "HEALTH_", where + " candidate " + c.getReplicaId()
                        + " health"),
                duration(c.getLag()), c.getLagBytes(), c.getLagKnown(), c.getSynchronous(), c.getEligible(),
                c.getReasonsList());
    }

    static PolicyCheck fromProto(io.meridian.api.v1.PolicyCheck c, String where) {
        return new PolicyCheck(c.getRule(), verdict(c.getVerdict(), where + " check " + c.getRule()), c.getReason(),
                c.getOverrideRole());
    }

    static Decision fromProto(io.meridian.api.v1.Decision d, String where) {
        return new Decision(d.getIdentity(), d.getDisplayName(),
                known(DecisionKind.class, d.getDecision().name(), "DECISION_KIND_", where + " decision by "
                        + d.getIdentity()),
                d.getReason(), instant(d.getDecidedAt()), d.getRequestId(), d.getProposalVersion(),
                d.getOverriddenChecksList(), d.getSignature().toByteArray());
    }

    static PhaseRecord fromProto(io.meridian.api.v1.PhaseRecord r, String where) {
        var phase = known(ExecutionPhase.class, r.getPhase().name(), "EXECUTION_PHASE_", where + " phase");
        return new PhaseRecord(phase,
                known(PhaseStatus.class, r.getStatus().name(), "PHASE_STATUS_", where + " phase " + phase
                        + " status"),
                r.hasStartedAt() ? instant(r.getStartedAt()) : null,
                r.hasFinishedAt() ? instant(r.getFinishedAt()) : null, r.getDetail());
    }

    private static Verdict verdict(io.meridian.api.v1.Verdict v, String where) {
        return known(Verdict.class, v.name(), "VERDICT_", where);
    }

    // ---- domain -> proto

    public static io.meridian.api.v1.Proposal toProto(Proposal p) {
        var builder = io.meridian.api.v1.Proposal.newBuilder()
                .setId(p.id()).setVersion(p.version()).setClusterId(p.clusterId())
                .setKind(io.meridian.api.v1.FailoverKind.valueOf("FAILOVER_KIND_" + p.kind().name()))
                .setState(io.meridian.api.v1.ProposalState.valueOf("PROPOSAL_STATE_" + p.state().name()))
                .setStateDetail(p.stateDetail()).setOldPrimaryId(p.oldPrimaryId()).setCandidateId(p.candidateId())
                .setOpenedBy(p.openedBy()).setOpenedAt(timestamp(p.openedAt()))
                .setDryRun(toProto(p.dryRun())).setApprovalsRequired(p.approvalsRequired())
                .setMeasuredLostBytes(p.measuredLostBytes()).setDrillId(p.drillId());
        p.failureSeen().ifPresent(t -> builder.setFailureSeenAt(timestamp(t)));
        p.measuredRtoValue().ifPresent(d -> builder.setMeasuredRto(duration(d)));
        p.measuredRpoValue().ifPresent(d -> builder.setMeasuredRpo(duration(d)));
        p.flappingWindowEnd().ifPresent(t -> builder.setFlappingWindowEndsAt(timestamp(t)));
        p.decisions().forEach(d -> builder.addDecisions(toProto(d)));
        p.phases().forEach(r -> builder.addPhases(toProto(r)));
        return builder.build();
    }

    public static io.meridian.api.v1.ProposalEvent toProto(ProposalEvent event) {
        var builder = io.meridian.api.v1.ProposalEvent.newBuilder().setTime(timestamp(event.time()));
        return switch (event) {
            case ProposalEvent.Changed c -> builder.setProposal(toProto(c.proposal())).build();
            case ProposalEvent.Heartbeat h -> builder
                    .setHeartbeat(io.meridian.api.v1.ProposalHeartbeat.getDefaultInstance()).build();
        };
    }

    public static io.meridian.api.v1.DecisionReceipt toProto(DecisionReceipt r) {
        return io.meridian.api.v1.DecisionReceipt.newBuilder().setProposal(toProto(r.proposal()))
                .setDecision(toProto(r.decision())).setReplayed(r.replayed()).build();
    }

    static io.meridian.api.v1.DryRunReport toProto(DryRunReport r) {
        var builder = io.meridian.api.v1.DryRunReport.newBuilder()
                .setComputedAt(timestamp(r.computedAt())).setRankingReason(r.rankingReason())
                .setEstimatedDataLoss(duration(r.estimatedDataLoss())).setEstimatedLostBytes(r.estimatedLostBytes())
                .setDataLossKnown(r.dataLossKnown()).setRpoTarget(duration(r.rpoTarget()))
                .setEstimatedRto(duration(r.estimatedRto())).setRtoTarget(duration(r.rtoTarget()))
                .setVerdict(toProto(r.verdict()));
        r.candidates().forEach(c -> builder.addCandidates(io.meridian.api.v1.Candidate.newBuilder()
                .setReplicaId(c.replicaId()).setRegionId(c.regionId())
                .setHealth(io.meridian.api.v1.Health.valueOf("HEALTH_" + c.health().name()))
                .setLag(duration(c.lag())).setLagBytes(c.lagBytes()).setLagKnown(c.lagKnown())
                .setSynchronous(c.synchronous()).setEligible(c.eligible()).addAllReasons(c.reasons())));
        r.checks().forEach(c -> builder.addChecks(io.meridian.api.v1.PolicyCheck.newBuilder()
                .setRule(c.rule()).setVerdict(toProto(c.verdict())).setReason(c.reason())
                .setOverrideRole(c.overrideRole())));
        return builder.build();
    }

    static io.meridian.api.v1.Decision toProto(Decision d) {
        return io.meridian.api.v1.Decision.newBuilder()
                .setIdentity(d.identity()).setDisplayName(d.displayName()).setDecision(toProto(d.kind()))
                .setReason(d.reason()).setDecidedAt(timestamp(d.decidedAt())).setRequestId(d.requestId())
                .setProposalVersion(d.proposalVersion()).addAllOverriddenChecks(d.overriddenChecks())
                .setSignature(ByteString.copyFrom(d.signature()))
                .build();
    }

    static io.meridian.api.v1.PhaseRecord toProto(PhaseRecord r) {
        var builder = io.meridian.api.v1.PhaseRecord.newBuilder()
                .setPhase(io.meridian.api.v1.ExecutionPhase.valueOf("EXECUTION_PHASE_" + r.phase().name()))
                .setStatus(io.meridian.api.v1.PhaseStatus.valueOf("PHASE_STATUS_" + r.status().name()))
                .setDetail(r.detail());
        if (r.startedAt() != null) {
            builder.setStartedAt(timestamp(r.startedAt()));
        }
        if (r.finishedAt() != null) {
            builder.setFinishedAt(timestamp(r.finishedAt()));
        }
        return builder.build();
    }

    /**
     * The wire form of a signed decision. The time is the payload's microseconds, so the backend rebuilds exactly the
     * bytes that were signed.
     */
    public static DecisionRequest toProto(SignedDecision signed) {
        var p = signed.payload();
        long micros = p.decidedAtMicros();
        return DecisionRequest.newBuilder()
                .setProposalId(p.proposalId()).setProposalVersion(p.proposalVersion())
                .setDecision(p.approve() ? io.meridian.api.v1.DecisionKind.DECISION_KIND_APPROVE
                        : io.meridian.api.v1.DecisionKind.DECISION_KIND_REJECT)
                .setReason(p.reason())
                .setDecidedAt(com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(Math.floorDiv(micros, 1_000_000L))
                        .setNanos((int) Math.floorMod(micros, 1_000_000L) * 1000))
                .setRequestId(p.requestId()).addAllOverriddenChecks(p.overriddenChecks())
                .setSignature(ByteString.copyFrom(signed.signature()))
                .build();
    }

    private static io.meridian.api.v1.DecisionKind toProto(DecisionKind kind) {
        return io.meridian.api.v1.DecisionKind.valueOf("DECISION_KIND_" + kind.name());
    }

    private static io.meridian.api.v1.Verdict toProto(Verdict verdict) {
        return io.meridian.api.v1.Verdict.valueOf("VERDICT_" + verdict.name());
    }
}
