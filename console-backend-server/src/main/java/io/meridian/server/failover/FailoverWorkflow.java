package io.meridian.server.failover;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.meridian.api.v1.Decision;
import io.meridian.api.v1.DecisionKind;
import io.meridian.api.v1.DecisionReceipt;
import io.meridian.api.v1.DecisionRequest;
import io.meridian.api.v1.PolicyCheck;
import io.meridian.api.v1.Proposal;
import io.meridian.api.v1.ProposalState;
import io.meridian.api.v1.Verdict;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.failover.DecisionPayload;
import io.meridian.model.failover.FailoverKind;
import io.meridian.model.session.Role;
import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.Topology;
import io.meridian.server.access.Identity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The failover state machine: proposals open (detected or requested), collect signed decisions, and once approved
 * by enough distinct people run exactly once. Every transition happens under this object's lock, so a retried or
 * concurrent decision can never approve twice or start a second execution; execution itself runs on the
 * {@link PhaseRunner}'s thread. Watchers are told of every new proposal version.
 */
public final class FailoverWorkflow {
    /** How long closed proposals stay listed. */
    static final Duration CLOSED_RETENTION = Duration.ofHours(1);

    /** A proposal and what its dry run is recomputed from. */
    private static final class Tracked {
        Proposal proposal;
        final String requestedCandidate;
        final Instant failureSeenAt;

        Tracked(Proposal proposal, String requestedCandidate, Instant failureSeenAt) {
            this.proposal = proposal;
            this.requestedCandidate = requestedCandidate;
            this.failureSeenAt = failureSeenAt;
        }
    }

    /** A switchover already requested under a request id: who asked for what, and the proposal it opened. */
    private record RequestedSwitchover(String fingerprint, String proposalId) {}

    /** A decision already taken under a request id, kept so a retry gets the same receipt. */
    private record Remembered(String caller, DecisionRequest request, DecisionReceipt receipt) {}

    private final Supplier<Topology> topology;
    private final DryRunPlanner planner;
    private final FailoverPolicy policy;
    private final Function<Replica, Optional<String>> fencing;
    private final FailoverAudit audit;
    private final Clock clock;
    private final Map<String, Tracked> proposals = new LinkedHashMap<>();
    private final Map<String, Remembered> decisions = new HashMap<>();
    private final Map<String, RequestedSwitchover> switchovers = new HashMap<>();
    private final Map<String, Instant> flappingWindowEnds = new HashMap<>();
    private final List<Consumer<Proposal>> watchers = new CopyOnWriteArrayList<>();
    private PhaseRunner runner;

    FailoverWorkflow(Supplier<Topology> topology, DryRunPlanner planner, FailoverPolicy policy,
                     Function<Replica, Optional<String>> fencing, FailoverAudit audit, Clock clock) {
        this.topology = topology;
        this.planner = planner;
        this.policy = policy;
        this.fencing = fencing;
        this.audit = audit;
        this.clock = clock;
    }

    void attach(PhaseRunner runner) {
        this.runner = runner;
    }

    /**
     * Subscribes to every proposal change; returns the action that unsubscribes. Watchers are called under this
     * workflow's lock: they must return quickly and must not wait for a lock a workflow caller may hold.
     */
    public Runnable watch(Consumer<Proposal> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /** Open proposals and those closed within the retention, newest first. */
    public synchronized List<Proposal> list() {
        var cutoff = clock.instant().minus(CLOSED_RETENTION);
        proposals.values().removeIf(t -> closed(t.proposal)
                && ProtoTime.instant(t.proposal.getOpenedAt()).isBefore(cutoff));
        var list = new ArrayList<Proposal>();
        proposals.values().forEach(t -> list.add(t.proposal));
        list.sort(Comparator.comparing((Proposal p) -> ProtoTime.instant(p.getOpenedAt())).reversed());
        return list;
    }

    public synchronized Proposal get(String id) {
        return tracked(id).proposal;
    }

    /** Opens an unplanned failover of a cluster whose primary was seen failed, unless one is already open. */
    synchronized Optional<Proposal> openFailover(Cluster cluster, Replica primary, Instant failureSeenAt,
                                                 String drillId) {
        if (active(cluster.id()).isPresent()) {
            return Optional.empty();
        }
        var opened = open(cluster, primary, FailoverKind.UNPLANNED_FAILOVER, null, failureSeenAt,
                "detected: " + primary.id() + " " + primary.healthDetail(), drillId);
        audit.proposed(opened, primary.regionId(), "", clock.instant());
        return Optional.of(opened);
    }

    /** Opens a planned switchover for a person; idempotent by request id like decisions. */
    public synchronized Proposal requestSwitchover(Identity caller, String clusterId, String candidateId,
                                                   String reason, String requestId) {
        require(!requestId.isBlank(), "request_id is required (a client-chosen UUID)");
        require(!reason.isBlank(), "a reason is required");
        var fingerprint = String.join("\n", caller.id(), clusterId, candidateId, reason);
        var earlier = switchovers.get(requestId);
        if (earlier != null) {
            if (!earlier.fingerprint().equals(fingerprint)) {
                throw Status.ALREADY_EXISTS.withDescription("request id " + requestId
                        + " was already used for another switchover request").asRuntimeException();
            }
            return get(earlier.proposalId());
        }
        var cluster = topology.get().clusters().stream().filter(c -> c.id().equals(clusterId)).findFirst()
                .orElseThrow(() -> Status.NOT_FOUND.withDescription("no cluster '" + clusterId + "'")
                        .asRuntimeException());
        var primary = cluster.primary().orElseThrow(() -> Status.FAILED_PRECONDITION
                .withDescription(clusterId + " has no primary to hand over").asRuntimeException());
        if (!candidateId.isEmpty() && cluster.replicas().stream()
                .noneMatch(r -> r.id().equals(candidateId) && !r.id().equals(primary.id()))) {
            throw Status.INVALID_ARGUMENT.withDescription("'" + candidateId + "' is not a standby of " + clusterId)
                    .asRuntimeException();
        }
        active(clusterId).ifPresent(open -> {
            throw Status.FAILED_PRECONDITION.withDescription("proposal " + open.getId() + " for " + clusterId
                    + " is already " + stateWord(open.getState()) + "; decide it first").asRuntimeException();
        });
        var opened = open(cluster, primary, FailoverKind.PLANNED_SWITCHOVER, candidateId.isEmpty() ? null : candidateId,
                null, caller.id() + ": " + reason, "");
        switchovers.put(requestId, new RequestedSwitchover(fingerprint, opened.getId()));
        audit.proposed(opened, primary.regionId(), caller.id(), clock.instant());
        return opened;
    }

    private Proposal open(Cluster cluster, Replica primary, FailoverKind kind, String requestedCandidate,
                          Instant failureSeenAt, String openedBy, String drillId) {
        var now = clock.instant();
        var builder = Proposal.newBuilder().setId(UUID.randomUUID().toString()).setVersion(1)
                .setClusterId(cluster.id()).setKind(kind == FailoverKind.PLANNED_SWITCHOVER
                        ? io.meridian.api.v1.FailoverKind.FAILOVER_KIND_PLANNED_SWITCHOVER
                        : io.meridian.api.v1.FailoverKind.FAILOVER_KIND_UNPLANNED_FAILOVER)
                .setState(ProposalState.PROPOSAL_STATE_OPEN).setOldPrimaryId(primary.id()).setOpenedBy(openedBy)
                .setOpenedAt(ProtoTime.timestamp(now)).setApprovalsRequired(policy.approvalsRequired())
                .setDrillId(drillId);
        if (failureSeenAt != null) {
            builder.setFailureSeenAt(ProtoTime.timestamp(failureSeenAt));
        }
        var tracked = new Tracked(builder.build(), requestedCandidate, failureSeenAt);
        tracked.proposal = withPlan(tracked, topology.get(), now).build();
        proposals.put(tracked.proposal.getId(), tracked);
        publish(tracked.proposal);
        return tracked.proposal;
    }

    private Proposal.Builder withPlan(Tracked t, Topology now, Instant at) {
        var p = t.proposal;
        var cluster = now.clusters().stream().filter(c -> c.id().equals(p.getClusterId())).findFirst().orElseThrow();
        var old = cluster.replicas().stream().filter(r -> r.id().equals(p.getOldPrimaryId())).findFirst()
                .orElseThrow();
        var windowEnds = flappingWindowEnds.get(p.getClusterId());
        var plan = planner.plan(new DryRunPlanner.Situation(now, cluster, old, kind(p), t.requestedCandidate,
                t.failureSeenAt, at, windowEnds, fencing.apply(old)));
        var builder = p.toBuilder().setDryRun(plan.report()).setCandidateId(plan.candidateId());
        if (windowEnds != null) {
            builder.setFlappingWindowEndsAt(ProtoTime.timestamp(windowEnds));
        }
        return builder;
    }

    /** Recomputes an open proposal's dry run; the version rises only when what a decider reviews changed. */
    public synchronized Proposal refresh(String id) {
        var t = tracked(id);
        if (t.proposal.getState() != ProposalState.PROPOSAL_STATE_OPEN) {
            return t.proposal;
        }
        var next = withPlan(t, topology.get(), clock.instant());
        if (!substance(next.build()).equals(substance(t.proposal))) {
            next.setVersion(t.proposal.getVersion() + 1);
        }
        var previous = t.proposal;
        t.proposal = next.build();
        if (!sameApartFromTime(previous, t.proposal)) {
            publish(t.proposal);
        }
        return t.proposal;
    }

    private static boolean sameApartFromTime(Proposal a, Proposal b) {
        var time = Timestamp.getDefaultInstance();
        return a.toBuilder().setDryRun(a.getDryRun().toBuilder().setComputedAt(time)).build()
                .equals(b.toBuilder().setDryRun(b.getDryRun().toBuilder().setComputedAt(time)).build());
    }

    /** What a decision depends on: the candidate and each check's verdict. Figures may move; these may not. */
    private static String substance(Proposal p) {
        var sb = new StringBuilder(p.getCandidateId());
        for (var check : p.getDryRun().getChecksList()) {
            sb.append('|').append(check.getRule()).append('=').append(check.getVerdict());
        }
        return sb.toString();
    }

    /** Withdraws an open failover whose primary came back before anyone decided. */
    synchronized void withdraw(String id, String why) {
        var t = tracked(id);
        if (t.proposal.getState() == ProposalState.PROPOSAL_STATE_OPEN) {
            t.proposal = t.proposal.toBuilder().setState(ProposalState.PROPOSAL_STATE_WITHDRAWN).setStateDetail(why)
                    .setVersion(t.proposal.getVersion() + 1).build();
            publish(t.proposal);
        }
    }

    /** Open or executing proposal of a cluster. */
    synchronized Optional<Proposal> active(String clusterId) {
        return proposals.values().stream().map(t -> t.proposal)
                .filter(p -> p.getClusterId().equals(clusterId) && !closed(p)).findFirst();
    }

    /** Open proposals, for the detector's periodic refresh. */
    synchronized List<Proposal> open() {
        return proposals.values().stream().map(t -> t.proposal)
                .filter(p -> p.getState() == ProposalState.PROPOSAL_STATE_OPEN).toList();
    }

    /** Records a signed decision; see FailoverService.Decide for every refusal. */
    public synchronized DecisionReceipt decide(Identity caller, DecisionRequest request) {
        require(!request.getRequestId().isBlank(), "request_id is required (a client-chosen UUID)");
        var earlier = decisions.get(request.getRequestId());
        if (earlier != null) {
            if (earlier.caller().equals(caller.id()) && earlier.request().equals(request)) {
                return earlier.receipt().toBuilder().setReplayed(true).build();
            }
            throw Status.ALREADY_EXISTS.withDescription("request id " + request.getRequestId()
                    + " was already used for another decision; nothing changed").asRuntimeException();
        }
        require(!request.getReason().isBlank(), "a reason is required");
        require(request.getDecision() != DecisionKind.DECISION_KIND_UNSPECIFIED, "decision must be approve or reject");
        require(request.hasDecidedAt(), "decided_at is required");
        var t = tracked(request.getProposalId());
        var p = t.proposal;
        if (!caller.roles().contains(Role.OPERATOR) && !caller.roles().contains(Role.INCIDENT_COMMANDER)) {
            throw Status.PERMISSION_DENIED.withDescription(caller.id() + " may not decide failovers: that needs "
                    + "operator or incident-commander").asRuntimeException();
        }
        verifySignature(caller, request);
        if (p.getState() != ProposalState.PROPOSAL_STATE_OPEN) {
            throw Status.FAILED_PRECONDITION.withDescription("proposal " + p.getId() + " is already "
                    + stateWord(p.getState()) + ": no decision can change it").asRuntimeException();
        }
        if (request.getProposalVersion() != p.getVersion()) {
            throw Status.FAILED_PRECONDITION.withDescription("the proposal changed: review it again (you saw version "
                    + request.getProposalVersion() + ", it is now version " + p.getVersion() + ")")
                    .asRuntimeException();
        }
        if (p.getDecisionsList().stream().anyMatch(d -> d.getIdentity().equals(caller.id()))) {
            throw Status.FAILED_PRECONDITION.withDescription(caller.id() + " has already decided on this proposal; "
                    + "the two-person rule needs another person").asRuntimeException();
        }
        boolean approve = request.getDecision() == DecisionKind.DECISION_KIND_APPROVE;
        if (approve) {
            checkApprovable(caller, p, request.getOverriddenChecksList());
        } else {
            require(request.getOverriddenChecksCount() == 0, "a rejection overrides no check");
        }
        var decision = Decision.newBuilder().setIdentity(caller.id()).setDisplayName(caller.displayName())
                .setDecision(request.getDecision()).setReason(request.getReason())
                .setDecidedAt(request.getDecidedAt()).setRequestId(request.getRequestId())
                .setProposalVersion(request.getProposalVersion())
                .addAllOverriddenChecks(request.getOverriddenChecksList()).setSignature(request.getSignature())
                .build();
        var next = p.toBuilder().addDecisions(decision).setVersion(p.getVersion() + 1);
        long approvals = next.getDecisionsList().stream()
                .filter(d -> d.getDecision() == DecisionKind.DECISION_KIND_APPROVE).count();
        if (!approve) {
            next.setState(ProposalState.PROPOSAL_STATE_REJECTED)
                    .setStateDetail("rejected by " + caller.displayName() + ": " + request.getReason());
        } else if (approvals >= p.getApprovalsRequired()) {
            next.setState(ProposalState.PROPOSAL_STATE_EXECUTING)
                    .setStateDetail("approved by " + approvers(next.getDecisionsList()));
        }
        t.proposal = next.build();
        audit.decided(t.proposal, regionOf(t.proposal), decision);
        var receipt = DecisionReceipt.newBuilder().setProposal(t.proposal).setDecision(decision).build();
        decisions.put(request.getRequestId(), new Remembered(caller.id(), request, receipt));
        publish(t.proposal);
        if (t.proposal.getState() == ProposalState.PROPOSAL_STATE_EXECUTING) {
            runner.start(t.proposal);
        }
        return receipt;
    }

    private void verifySignature(Identity caller, DecisionRequest r) {
        var decidedAt = ProtoTime.instant(r.getDecidedAt());
        var payload = new DecisionPayload(r.getProposalId(), r.getProposalVersion(),
                r.getDecision() == DecisionKind.DECISION_KIND_APPROVE, r.getReason(),
                ChronoUnit.MICROS.between(Instant.EPOCH, decidedAt), r.getRequestId(), r.getOverriddenChecksList(),
                caller.id());
        byte[] signature = r.getSignature().toByteArray();
        if (signature.length != 64 || !caller.signingKey().verify(payload.bytes(), signature)) {
            throw Status.UNAUTHENTICATED.withDescription("the decision's signature does not verify against "
                    + caller.id() + "'s registered signing key; nothing changed").asRuntimeException();
        }
    }

    private static void checkApprovable(Identity caller, Proposal p, List<String> overridden) {
        for (var check : p.getDryRun().getChecksList()) {
            if (check.getVerdict() == Verdict.VERDICT_BLOCK) {
                throw Status.FAILED_PRECONDITION.withDescription("blocked by " + check.getRule() + ": "
                        + check.getReason() + "; a block cannot be overridden").asRuntimeException();
            }
        }
        var warns = p.getDryRun().getChecksList().stream().filter(c -> c.getVerdict() == Verdict.VERDICT_WARN)
                .toList();
        for (var rule : overridden) {
            var check = warns.stream().filter(c -> c.getRule().equals(rule)).findFirst().orElseThrow(() ->
                    Status.INVALID_ARGUMENT.withDescription("'" + rule + "' is not a warning of this proposal; only "
                            + "warnings can be overridden").asRuntimeException());
            if (!check.getOverrideRole().isEmpty() && caller.roles().stream()
                    .noneMatch(role -> role.label().equals(check.getOverrideRole()))) {
                throw Status.PERMISSION_DENIED.withDescription("overriding " + rule + " needs the "
                        + check.getOverrideRole() + " role; " + caller.id() + " does not hold it").asRuntimeException();
            }
        }
        // One override by the right role stands for the proposal; later approvers see it among the decisions.
        var overriddenBefore = p.getDecisionsList().stream().flatMap(d -> d.getOverriddenChecksList().stream())
                .toList();
        for (PolicyCheck warn : warns) {
            if (!overridden.contains(warn.getRule()) && !overriddenBefore.contains(warn.getRule())) {
                throw Status.FAILED_PRECONDITION.withDescription(warn.getRule() + " warns: " + warn.getReason()
                        + "; approving needs an explicit override of it with your reason").asRuntimeException();
            }
        }
    }

    /** Called by the runner as execution moves on; keeps the proposal's record and tells watchers. */
    synchronized Proposal update(String id, Function<Proposal, Proposal> change) {
        var t = tracked(id);
        t.proposal = change.apply(t.proposal);
        if (t.proposal.getState() == ProposalState.PROPOSAL_STATE_SUCCEEDED) {
            var ends = clock.instant().plus(policy.antiFlapping());
            flappingWindowEnds.put(t.proposal.getClusterId(), ends);
            t.proposal = t.proposal.toBuilder().setFlappingWindowEndsAt(ProtoTime.timestamp(ends)).build();
        }
        publish(t.proposal);
        return t.proposal;
    }

    /** The region audit entries of a proposal name: its old primary's. */
    String regionOf(Proposal p) {
        return topology.get().replica(p.getOldPrimaryId()).map(Replica::regionId).orElse("");
    }

    static String approvers(List<Decision> decisions) {
        return String.join(" and ", decisions.stream()
                .filter(d -> d.getDecision() == DecisionKind.DECISION_KIND_APPROVE).map(Decision::getDisplayName)
                .toList());
    }

    private Tracked tracked(String id) {
        var t = proposals.get(id);
        if (t == null) {
            throw Status.NOT_FOUND.withDescription("no proposal '" + id + "'").asRuntimeException();
        }
        return t;
    }

    private void publish(Proposal p) {
        watchers.forEach(w -> w.accept(p));
    }

    private static boolean closed(Proposal p) {
        return p.getState() != ProposalState.PROPOSAL_STATE_OPEN
                && p.getState() != ProposalState.PROPOSAL_STATE_EXECUTING;
    }

    private static FailoverKind kind(Proposal p) {
        return p.getKind() == io.meridian.api.v1.FailoverKind.FAILOVER_KIND_PLANNED_SWITCHOVER
                ? FailoverKind.PLANNED_SWITCHOVER : FailoverKind.UNPLANNED_FAILOVER;
    }

    static String stateWord(ProposalState state) {
        return state.name().replace("PROPOSAL_STATE_", "").toLowerCase(Locale.ROOT);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
        }
    }
}
