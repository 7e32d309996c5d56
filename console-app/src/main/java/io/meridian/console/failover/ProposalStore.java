package io.meridian.console.failover;

import io.meridian.client.ProposalWatch;
import io.meridian.client.StreamStatus;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.ProposalEvent;
import io.meridian.model.failover.ProposalState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest copy of every proposal, fed by the proposal watch on a gRPC thread and read once per pulse on the FX
 * thread. A copy never goes back to an older version (a reply to a decision and the watch may race), and the
 * backend's clock is remembered relative to ours, so ages and countdowns agree with the backend's times.
 */
public final class ProposalStore implements ProposalWatch.Listener {
    private final Clock clock;
    private final Map<String, Proposal> proposals = new ConcurrentHashMap<>();
    private volatile StreamStatus status = new StreamStatus.Connecting(1);
    private volatile Instant lastEventAt;
    private volatile Duration serverAhead = Duration.ZERO;
    private volatile boolean dirty;

    public ProposalStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onEvent(ProposalEvent event) {
        var now = clock.instant();
        lastEventAt = now;
        serverAhead = Duration.between(now, event.time());
        if (event instanceof ProposalEvent.Changed changed) {
            accept(changed.proposal());
        }
    }

    @Override
    public void onStatus(StreamStatus newStatus) {
        status = newStatus;
        dirty = true;
    }

    /** A proposal from any source (the watch, or the reply to a command); older versions are ignored. */
    public void accept(Proposal proposal) {
        proposals.merge(proposal.id(), proposal, (old, fresh) -> newer(fresh, old) ? fresh : old);
        dirty = true;
    }

    /**
     * Whether {@code fresh} replaces {@code old}: a higher version; or, at the same version (decisions and phases do
     * not always raise it), more progress, or the same progress with a newer dry run.
     */
    private static boolean newer(Proposal fresh, Proposal old) {
        if (fresh.version() != old.version()) {
            return fresh.version() > old.version();
        }
        int progress = Integer.compare(progress(fresh), progress(old));
        return progress > 0 || progress == 0 && !fresh.dryRun().computedAt().isBefore(old.dryRun().computedAt());
    }

    /** Grows with every decision, every phase step and closing; never shrinks for one proposal. */
    private static int progress(Proposal p) {
        int phases = p.phases().stream().mapToInt(r -> switch (r.status()) {
            case PENDING -> 0;
            case RUNNING -> 1;
            case DONE, FAILED, SKIPPED -> 2;
        }).sum();
        return (p.state().active() ? 0 : 100_000) + p.decisions().size() * 1000 + phases
                + (p.state() == ProposalState.EXECUTING ? 500 : 0);
    }

    /** True once since the last call when something changed. */
    public boolean takeDirty() {
        boolean was = dirty;
        dirty = false;
        return was;
    }

    public List<Proposal> proposals() {
        return List.copyOf(proposals.values());
    }

    public StreamStatus status() {
        return status;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }

    /** Our clock moved to the backend's, for ages and countdowns measured against the backend's timestamps. */
    public Instant serverNow(Instant localNow) {
        return localNow.plus(serverAhead);
    }
}
