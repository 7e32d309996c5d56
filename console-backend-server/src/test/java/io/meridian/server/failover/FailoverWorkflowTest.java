package io.meridian.server.failover;

import static io.meridian.server.failover.FailoverFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.meridian.api.v1.PhaseStatus;
import io.meridian.api.v1.Proposal;
import io.meridian.api.v1.ProposalState;
import io.meridian.api.v1.Verdict;
import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.failover.FailoverKind;
import io.meridian.model.session.Role;
import io.meridian.model.topology.Health;
import io.meridian.server.ManualClock;
import io.meridian.server.audit.EntryDraft;
import io.meridian.server.failover.FailoverFixture.Person;
import io.meridian.server.telemetry.TelemetryHub;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailoverWorkflowTest {
    private final ManualClock clock = new ManualClock(T0);
    private final TestPlatform platform = new TestPlatform(FailoverFixture.topology());
    private final TelemetryHub hub = new TelemetryHub(600);
    private final List<EntryDraft> audited = new CopyOnWriteArrayList<>();
    private final FailoverPolicy policy = new FailoverPolicy(2, Duration.ofHours(1), Duration.ofSeconds(5),
            Duration.ofSeconds(20));
    private final FailoverWorkflow workflow = new FailoverWorkflow(platform::topology,
            new DryRunPlanner(new LagSource(hub, policy.lagFreshness()), policy), policy, platform::fencingMethod,
            new FailoverAudit(audited::addAll), clock);
    private final PhaseRunner runner = new PhaseRunner(workflow, platform, new FailoverAudit(audited::addAll), clock);
    private final FailureDetector detector = new FailureDetector(platform::topology, workflow,
            platform.failureConfirmation(), clock);

    private final Person alice = Person.of("alice", Role.OPERATOR);
    private final Person bob = Person.of("bob", Role.OPERATOR);
    private final Person carol = Person.of("carol", Role.INCIDENT_COMMANDER);
    private final Person victor = Person.of("victor", Role.VIEWER);

    FailoverWorkflowTest() {
        workflow.attach(runner);
    }

    @AfterEach
    void stop() {
        runner.close();
    }

    /** The primary fails at T0+10 s with 0.4 s of lag on the synchronous standby; the detector runs at T0+14 s. */
    private Proposal lostPrimary() {
        FailoverFixture.lag(hub, "ledger-fra-2", 0.4, T0, T0.plusSeconds(10));
        FailoverFixture.lag(hub, "ledger-dub-1", 2.5, T0, T0.plusSeconds(10));
        FailoverFixture.lag(hub, "ledger-iad-1", 0.9, T0, T0.plusSeconds(10));
        platform.set(FailoverFixture.withHealth(platform.topology(), "ledger-fra-1", Health.FAILED,
                "missed 3 heartbeats", T0.plusSeconds(10)));
        clock.set(T0.plusSeconds(12));
        detector.check();
        assertThat(workflow.open()).as("not before the confirmation").isEmpty();
        clock.set(T0.plusSeconds(14));
        detector.check();
        assertThat(workflow.open()).hasSize(1);
        return workflow.open().getFirst();
    }

    @Test
    void aLostPrimaryOpensOneProposalForTheBestCandidate() {
        var proposal = lostPrimary();
        detector.check();
        assertThat(workflow.list()).hasSize(1);
        assertThat(proposal.getCandidateId()).isEqualTo("ledger-fra-2");
        assertThat(proposal.getDryRun().getRankingReason()).contains("synchronous standby");
        assertThat(proposal.getDryRun().getCandidatesList()).extracting(c -> c.getReplicaId())
                .containsExactly("ledger-fra-2", "ledger-dub-1", "ledger-iad-1");
        var iad = proposal.getDryRun().getCandidates(2);
        assertThat(iad.getEligible()).isFalse();
        assertThat(iad.getReasonsList()).anyMatch(r -> r.contains("data residency") && r.contains("GDPR"));
        assertThat(proposal.getDryRun().getEstimatedDataLoss().getNanos()).isEqualTo(400_000_000);
        assertThat(proposal.getDryRun().getVerdict()).isEqualTo(Verdict.VERDICT_PASS);
        assertThat(proposal.getApprovalsRequired()).isEqualTo(2);
        assertThat(audited).extracting(EntryDraft::queryId).containsExactly("failover/" + proposal.getId() + "/proposed");
    }

    @Test
    void aPrimaryThatRecoversBeforeADecisionWithdrawsTheProposal() {
        var proposal = lostPrimary();
        platform.set(FailoverFixture.withHealth(platform.topology(), "ledger-fra-1", Health.HEALTHY, "",
                T0.plusSeconds(20)));
        clock.set(T0.plusSeconds(21));
        detector.check();
        var after = workflow.get(proposal.getId());
        assertThat(after.getState()).isEqualTo(ProposalState.PROPOSAL_STATE_WITHDRAWN);
        assertThat(after.getStateDetail()).contains("recovered");
    }

    @Test
    void twoDistinctApprovalsExecuteEveryPhaseOnceAndRecordRtoAndRpo() {
        var proposal = lostPrimary();
        var first = workflow.decide(alice.identity(), alice.approve(proposal, "primary gone, fra-2 in sync"));
        assertThat(first.getProposal().getState()).isEqualTo(ProposalState.PROPOSAL_STATE_OPEN);
        assertThat(platform.executed()).isEmpty();
        var second = workflow.decide(bob.identity(), bob.approve(first.getProposal(), "agree"));
        assertThat(second.getProposal().getState()).isEqualTo(ProposalState.PROPOSAL_STATE_EXECUTING);
        await().until(() -> workflow.get(proposal.getId()).getState() == ProposalState.PROPOSAL_STATE_SUCCEEDED);
        assertThat(platform.executed()).containsExactlyElementsOf(FailoverFixture.allPhases());
        var done = workflow.get(proposal.getId());
        assertThat(done.getPhasesList()).allMatch(p -> p.getStatus() == PhaseStatus.PHASE_STATUS_DONE);
        assertThat(done.getMeasuredRpo().getNanos()).isEqualTo(1_000_000);
        assertThat(done.getMeasuredLostBytes()).isEqualTo(4000);
        assertThat(done.getMeasuredRto().getSeconds()).isEqualTo(4);
        assertThat(done.hasFlappingWindowEndsAt()).isTrue();
        assertThat(platform.plans().getFirst().kind()).isEqualTo(FailoverKind.UNPLANNED_FAILOVER);
        assertThat(audited).extracting(e -> e.action().name()).containsExactly("FAILOVER_PROPOSED",
                "FAILOVER_DECIDED", "FAILOVER_DECIDED", "EXECUTION_PHASE", "EXECUTION_PHASE", "EXECUTION_PHASE",
                "EXECUTION_PHASE", "EXECUTION_PHASE");
    }

    @Test
    void aFailingPhaseStopsTheRunAndSaysWhichPhaseFailed() {
        platform.failAt(ExecutionPhase.REROUTE);
        var proposal = lostPrimary();
        var first = workflow.decide(alice.identity(), alice.approve(proposal, "go"));
        workflow.decide(bob.identity(), bob.approve(first.getProposal(), "go"));
        await().until(() -> workflow.get(proposal.getId()).getState() == ProposalState.PROPOSAL_STATE_FAILED);
        var failed = workflow.get(proposal.getId());
        assertThat(failed.getStateDetail()).startsWith("repoint replicas and traffic failed: test failure");
        assertThat(failed.getPhasesList()).extracting(p -> p.getStatus()).containsExactly(
                PhaseStatus.PHASE_STATUS_DONE, PhaseStatus.PHASE_STATUS_DONE, PhaseStatus.PHASE_STATUS_FAILED,
                PhaseStatus.PHASE_STATUS_SKIPPED, PhaseStatus.PHASE_STATUS_SKIPPED);
        assertThat(platform.executed()).containsExactly(ExecutionPhase.FENCE, ExecutionPhase.PROMOTE,
                ExecutionPhase.REROUTE);
    }

    @Test
    void oneRejectEndsTheProposal() {
        var proposal = lostPrimary();
        var first = workflow.decide(alice.identity(), alice.approve(proposal, "go"));
        var rejected = workflow.decide(carol.identity(), carol.reject(first.getProposal(), "wait for the DBA"));
        assertThat(rejected.getProposal().getState()).isEqualTo(ProposalState.PROPOSAL_STATE_REJECTED);
        assertThat(rejected.getProposal().getStateDetail()).contains("wait for the DBA");
        refused(() -> workflow.decide(bob.identity(), bob.approve(rejected.getProposal(), "go")),
                Status.Code.FAILED_PRECONDITION, "already rejected");
        assertThat(platform.executed()).isEmpty();
    }

    @Test
    void theSameRequestRetriedReturnsTheFirstReceiptAndDecidesOnce() {
        var proposal = lostPrimary();
        var request = alice.approve(proposal, "go");
        var first = workflow.decide(alice.identity(), request);
        var again = workflow.decide(alice.identity(), request);
        assertThat(again.getReplayed()).isTrue();
        assertThat(again.getDecision()).isEqualTo(first.getDecision());
        assertThat(workflow.get(proposal.getId()).getDecisionsCount()).isEqualTo(1);
    }

    @Test
    void everyBadDecisionIsRefusedAndChangesNothing() {
        var proposal = lostPrimary();
        var forged = alice.approve(proposal, "go").toBuilder().setSignature(ByteString.copyFrom(new byte[64])).build();
        refused(() -> workflow.decide(alice.identity(), forged), Status.Code.UNAUTHENTICATED, "does not verify");
        var bobsSignature = bob.approve(proposal, "go");
        refused(() -> workflow.decide(alice.identity(), bobsSignature), Status.Code.UNAUTHENTICATED,
                "alice's registered signing key");
        var tampered = alice.approve(proposal, "go").toBuilder().setReason("something else").build();
        refused(() -> workflow.decide(alice.identity(), tampered), Status.Code.UNAUTHENTICATED, "does not verify");
        refused(() -> workflow.decide(victor.identity(), victor.approve(proposal, "go")),
                Status.Code.PERMISSION_DENIED, "operator or incident-commander");
        var stale = alice.approve(proposal.toBuilder().setVersion(proposal.getVersion() + 7).build(), "go");
        refused(() -> workflow.decide(alice.identity(), stale), Status.Code.FAILED_PRECONDITION,
                "the proposal changed: review it again");
        refused(() -> workflow.decide(alice.identity(), alice.approve(proposal, " ")), Status.Code.INVALID_ARGUMENT,
                "reason");
        assertThat(workflow.get(proposal.getId()).getDecisionsCount()).isZero();

        var first = workflow.decide(alice.identity(), alice.approve(proposal, "go"));
        refused(() -> workflow.decide(alice.identity(), alice.approve(first.getProposal(), "go again")),
                Status.Code.FAILED_PRECONDITION, "needs another person");
        var reused = bob.approve(first.getProposal(), "go").toBuilder()
                .setRequestId(first.getDecision().getRequestId()).build();
        refused(() -> workflow.decide(bob.identity(), reused), Status.Code.ALREADY_EXISTS, "already used");
        assertThat(workflow.get(proposal.getId()).getDecisionsCount()).isEqualTo(1);
        assertThat(platform.executed()).isEmpty();
    }

    @Test
    void aSwitchoverWhileAProposalIsOpenAndADecisionAfterExecutionAreRefused() {
        var proposal = lostPrimary();
        refused(() -> workflow.requestSwitchover(alice.identity(), "ledger", "", "planned", "switch-1"),
                Status.Code.FAILED_PRECONDITION, "is already open");
        var first = workflow.decide(alice.identity(), alice.approve(proposal, "go"));
        workflow.decide(bob.identity(), bob.approve(first.getProposal(), "go"));
        await().until(() -> workflow.get(proposal.getId()).getState() == ProposalState.PROPOSAL_STATE_SUCCEEDED);
        var done = workflow.get(proposal.getId());
        refused(() -> workflow.decide(carol.identity(), carol.reject(done, "too late")),
                Status.Code.FAILED_PRECONDITION, "already succeeded");
        assertThat(platform.executed()).hasSize(ExecutionPhase.values().length);
    }

    @Test
    void aResidencyBlockCannotBeApprovedOrOverridden() {
        FailoverFixture.lag(hub, "ledger-iad-1", 0.2, T0, T0.plusSeconds(5));
        clock.set(T0.plusSeconds(5));
        var proposal = workflow.requestSwitchover(alice.identity(), "ledger", "ledger-iad-1",
                "move to Virginia", "switch-1");
        assertThat(proposal.getDryRun().getVerdict()).isEqualTo(Verdict.VERDICT_BLOCK);
        assertThat(proposal.getDryRun().getChecksList()).anyMatch(c -> c.getRule().equals("data-residency")
                && c.getVerdict() == Verdict.VERDICT_BLOCK && c.getReason().contains("GDPR"));
        refused(() -> workflow.decide(carol.identity(), carol.approve(proposal, "approve anyway")),
                Status.Code.FAILED_PRECONDITION, "blocked by data-residency");
        refused(() -> workflow.decide(carol.identity(), carol.approve(proposal, "override", "data-residency")),
                Status.Code.FAILED_PRECONDITION, "blocked by data-residency");
        assertThat(platform.executed()).isEmpty();
    }

    @Test
    void aWarningNeedsAnExplicitOverrideByTheRoleItNames() {
        var proposal = lostPrimary();
        platform.canFence(false);
        var warned = workflow.refresh(proposal.getId());
        assertThat(warned.getVersion()).as("a verdict changed").isGreaterThan(proposal.getVersion());
        assertThat(warned.getDryRun().getVerdict()).isEqualTo(Verdict.VERDICT_WARN);
        refused(() -> workflow.decide(alice.identity(), alice.approve(warned, "go")),
                Status.Code.FAILED_PRECONDITION, "fencing warns");
        refused(() -> workflow.decide(alice.identity(), alice.approve(warned, "go", "fencing")),
                Status.Code.PERMISSION_DENIED, "needs the incident-commander role");
        var overridden = workflow.decide(carol.identity(), carol.approve(warned, "host is powered off", "fencing"));
        assertThat(overridden.getDecision().getOverriddenChecksList()).containsExactly("fencing");
        refused(() -> workflow.decide(bob.identity(), bob.approve(overridden.getProposal(), "agree", "fencing")),
                Status.Code.PERMISSION_DENIED, "needs the incident-commander role");
        workflow.decide(bob.identity(), bob.approve(overridden.getProposal(), "agree with the override"));
        await().until(() -> workflow.get(proposal.getId()).getState() == ProposalState.PROPOSAL_STATE_SUCCEEDED);
        assertThat(platform.plans().getFirst().fencingOverridden()).isTrue();
    }

    @Test
    void aSecondFailoverInsideTheWindowWarnsAntiFlapping() {
        var proposal = lostPrimary();
        var first = workflow.decide(alice.identity(), alice.approve(proposal, "go"));
        workflow.decide(bob.identity(), bob.approve(first.getProposal(), "go"));
        await().until(() -> workflow.get(proposal.getId()).getState() == ProposalState.PROPOSAL_STATE_SUCCEEDED);
        clock.set(T0.plusSeconds(600));
        FailoverFixture.lag(hub, "ledger-dub-1", 0.3, T0.plusSeconds(590), T0.plusSeconds(600));
        var again = workflow.requestSwitchover(alice.identity(), "ledger", "", "rebalance", "switch-2");
        assertThat(again.getDryRun().getChecksList()).anyMatch(c -> c.getRule().equals("anti-flapping")
                && c.getVerdict() == Verdict.VERDICT_WARN && c.getOverrideRole().equals("incident-commander"));
    }

    @Test
    void concurrentRetriesOfOneDecisionNeverDecideTwice() throws Exception {
        var proposal = lostPrimary();
        var first = workflow.decide(alice.identity(), alice.approve(proposal, "go"));
        var request = bob.approve(first.getProposal(), "go");
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                pool.execute(() -> workflow.decide(bob.identity(), request));
            }
        }
        await().until(() -> workflow.get(proposal.getId()).getState() == ProposalState.PROPOSAL_STATE_SUCCEEDED);
        assertThat(workflow.get(proposal.getId()).getDecisionsCount()).isEqualTo(2);
        assertThat(platform.executed()).containsExactlyElementsOf(FailoverFixture.allPhases());
    }

    private static void refused(ThrowingCallable call, Status.Code code, String message) {
        assertThatThrownBy(call).isInstanceOf(StatusRuntimeException.class)
                .satisfies(e -> assertThat(((StatusRuntimeException) e).getStatus().getCode()).isEqualTo(code))
                .hasMessageContaining(message);
    }
}
