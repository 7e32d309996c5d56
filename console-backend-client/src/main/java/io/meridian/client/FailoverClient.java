package io.meridian.client;

import io.meridian.failover.SignedDecision;
import io.meridian.model.failover.DecisionReceipt;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.SwitchoverRequest;
import java.util.List;

/**
 * Failover proposals, their dry runs and signed decisions, in domain terms. Blocking calls carry deadlines and belong
 * off the UI thread. A refusal ({@link BackendException.Kind#REFUSED}) carries the backend's own words, e.g. "the
 * proposal changed: review it again", ready to show.
 */
public interface FailoverClient {
    /** Proposals open now and those closed in the last hour, newest first. */
    List<Proposal> proposals() throws BackendException;

    Proposal proposal(String proposalId) throws BackendException;

    /** Opens a watch that reconnects by itself and reports its status like the topology watch. */
    ProposalWatch watch(ProposalWatch.Listener listener);

    /** Has the backend recompute an open proposal's dry run from the current topology and telemetry. */
    Proposal refreshDryRun(String proposalId) throws BackendException;

    /**
     * Opens a planned switchover. A request whose reply was lost is sent again with the same request id, so at
     * most one proposal opens.
     */
    Proposal requestSwitchover(SwitchoverRequest request) throws BackendException;

    /**
     * Records a signed approval or rejection. When the network loses the request or the reply, the same signed
     * decision is sent again; the backend is idempotent by request id, so one click never makes two decisions.
     */
    DecisionReceipt decide(SignedDecision decision) throws BackendException;
}
