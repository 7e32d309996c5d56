package io.meridian.model.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A proposal to make {@code candidateId} the primary of {@code clusterId}, as the backend holds it at
 * {@code version}; the version rises whenever something a decider must review changes, and a decision names the
 * version it saw. Times the backend has not set ({@code failureSeenAt} for a switchover, the measured RTO and RPO
 * before success, {@code flappingWindowEndsAt} without a window) are null; the accessors below say so with
 * Optionals. {@code drillId} is empty unless a drill caused the proposal.
 */
public record Proposal(String id, long version, String clusterId, FailoverKind kind, ProposalState state,
                       String stateDetail, String oldPrimaryId, String candidateId, String openedBy,
                       Instant openedAt, Instant failureSeenAt, DryRunReport dryRun, int approvalsRequired,
                       List<Decision> decisions, List<PhaseRecord> phases, Duration measuredRto,
                       Duration measuredRpo, long measuredLostBytes, String drillId,
                       Instant flappingWindowEndsAt) {
    public Proposal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        stateDetail = stateDetail == null ? "" : stateDetail;
        Objects.requireNonNull(oldPrimaryId, "oldPrimaryId");
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(openedBy, "openedBy");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(dryRun, "dryRun");
        decisions = List.copyOf(decisions);
        phases = List.copyOf(phases);
        drillId = drillId == null ? "" : drillId;
    }

    /** The approvals recorded so far. */
    public List<Decision> approvals() {
        return decisions.stream().filter(d -> d.kind() == DecisionKind.APPROVE).toList();
    }

    /** How many more approvals execution waits for; zero once enough are in. */
    public int approvalsMissing() {
        return Math.max(0, approvalsRequired - approvals().size());
    }

    /** The decision {@code identity} made on this proposal, if any. */
    public Optional<Decision> decisionBy(String identity) {
        return decisions.stream().filter(d -> d.identity().equals(identity)).findFirst();
    }

    /** The first phase that failed, if one did. */
    public Optional<PhaseRecord> failedPhase() {
        return phases.stream().filter(p -> p.status() == PhaseStatus.FAILED).findFirst();
    }

    public Optional<Instant> failureSeen() {
        return Optional.ofNullable(failureSeenAt);
    }

    public Optional<Duration> measuredRtoValue() {
        return Optional.ofNullable(measuredRto);
    }

    public Optional<Duration> measuredRpoValue() {
        return Optional.ofNullable(measuredRpo);
    }

    /** The end of the anti-flapping window, if one is set. */
    public Optional<Instant> flappingWindowEnd() {
        return Optional.ofNullable(flappingWindowEndsAt);
    }

    /** The candidate as the dry run ranked it, if the report lists it. */
    public Optional<Candidate> candidate() {
        return dryRun.candidates().stream().filter(c -> c.replicaId().equals(candidateId)).findFirst();
    }
}
