package io.meridian.server.failover;

import io.meridian.api.v1.FailoverKind;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Watches the reported topology for lost primaries: a primary FAILED for longer than the platform's confirmation
 * opens a failover proposal (once per cluster); a primary that recovers before anyone decided withdraws it. Open
 * proposals are recomputed on every check, so their dry runs follow the platform.
 */
final class FailureDetector {
    private static final System.Logger LOG = System.getLogger(FailureDetector.class.getName());

    private final Supplier<Topology> topology;
    private final FailoverWorkflow workflow;
    private final Duration confirmation;
    private final Clock clock;
    /** The drill that declared a failed replica ("" for none), so the proposal it causes carries the drill's id. */
    private volatile Function<Replica, String> drillOf = replica -> "";

    FailureDetector(Supplier<Topology> topology, FailoverWorkflow workflow, Duration confirmation, Clock clock) {
        this.topology = topology;
        this.workflow = workflow;
        this.confirmation = confirmation;
        this.clock = clock;
    }

    void drillsFrom(Function<Replica, String> drillOf) {
        this.drillOf = drillOf;
    }

    void check() {
        try {
            var now = clock.instant();
            var current = topology.get();
            for (var cluster : current.clusters()) {
                cluster.primary().filter(p -> p.health() == Health.FAILED)
                        .filter(p -> !Duration.between(p.healthSince(), now).minus(confirmation).isNegative())
                        .ifPresent(p -> workflow.openFailover(cluster, p, p.healthSince(), drillOf.apply(p)));
            }
            for (var proposal : workflow.open()) {
                var old = current.replica(proposal.getOldPrimaryId()).orElse(null);
                if (proposal.getKind() == FailoverKind.FAILOVER_KIND_UNPLANNED_FAILOVER
                        && (old == null || old.health() != Health.FAILED)) {
                    workflow.withdraw(proposal.getId(), old == null ? proposal.getOldPrimaryId() + " left the topology"
                            : "the primary " + old.id() + " recovered at " + old.healthSince()
                            + " before a decision (failure seen at "
                            + ProtoTime.instant(proposal.getFailureSeenAt()) + ")");
                } else {
                    workflow.refresh(proposal.getId());
                }
            }
        } catch (RuntimeException e) {
            // One bad check must not end detection: the next one sees the same topology again.
            LOG.log(System.Logger.Level.ERROR, "failover detection failed", e);
        }
    }
}
