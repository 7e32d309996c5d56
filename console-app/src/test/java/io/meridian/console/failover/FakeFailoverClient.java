package io.meridian.console.failover;

import io.meridian.client.BackendException;
import io.meridian.client.FailoverClient;
import io.meridian.client.ProposalWatch;
import io.meridian.failover.SignedDecision;
import io.meridian.model.failover.Decision;
import io.meridian.model.failover.DecisionKind;
import io.meridian.model.failover.DecisionReceipt;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.SwitchoverRequest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A failover backend in memory for view-model tests: it records every decision sent, answers with the proposal plus
 * that decision, and fails the next calls with the queued exceptions first.
 */
final class FakeFailoverClient implements FailoverClient {
    final List<SignedDecision> sent = new ArrayList<>();
    final List<SwitchoverRequest> switchovers = new ArrayList<>();
    final Deque<BackendException> failures = new ArrayDeque<>();
    Proposal current;

    FakeFailoverClient(Proposal current) {
        this.current = current;
    }

    @Override
    public List<Proposal> proposals() {
        return List.of(current);
    }

    @Override
    public Proposal proposal(String proposalId) {
        return current;
    }

    @Override
    public ProposalWatch watch(ProposalWatch.Listener listener) {
        throw new UnsupportedOperationException("the view-model tests feed the store directly");
    }

    @Override
    public Proposal refreshDryRun(String proposalId) throws BackendException {
        failNextIfQueued();
        return current;
    }

    @Override
    public Proposal requestSwitchover(SwitchoverRequest request) throws BackendException {
        switchovers.add(request);
        failNextIfQueued();
        return current;
    }

    @Override
    public DecisionReceipt decide(SignedDecision decision) throws BackendException {
        sent.add(decision);
        failNextIfQueued();
        var p = decision.payload();
        var recorded = new Decision(p.identity(), p.identity(), p.approve() ? DecisionKind.APPROVE
                : DecisionKind.REJECT, p.reason(), Instant.EPOCH, p.requestId(), p.proposalVersion(),
                p.overriddenChecks(), decision.signature());
        var decisions = new ArrayList<>(current.decisions());
        decisions.add(recorded);
        current = new Proposal(current.id(), current.version(), current.clusterId(), current.kind(), current.state(),
                current.stateDetail(), current.oldPrimaryId(), current.candidateId(), current.openedBy(),
                current.openedAt(), current.failureSeenAt(), current.dryRun(), current.approvalsRequired(), decisions,
                current.phases(), null, null, 0, "", null);
        return new DecisionReceipt(current, recorded, false);
    }

    private void failNextIfQueued() throws BackendException {
        var failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
    }
}
