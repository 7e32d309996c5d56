package io.meridian.server.failover;

import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.session.PlatformInfo;
import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.Topology;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PhaseResult;
import io.meridian.server.platform.Platform;
import io.meridian.server.platform.PlatformActionException;
import io.meridian.server.platform.PlatformObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A platform the test drives: its topology is set by the test, it records the phases it carries out (and the
 * plans), promotes for real in its topology, and fails a chosen phase on demand.
 */
final class TestPlatform implements Platform {
    private Topology topology;
    private final List<ExecutionPhase> executed = new ArrayList<>();
    private final List<FailoverPlan> plans = new ArrayList<>();
    private ExecutionPhase failAt;
    private boolean canFence = true;

    TestPlatform(Topology topology) {
        this.topology = topology;
    }

    @Override
    public PlatformInfo info() {
        return new PlatformInfo("test", "Failover test platform", true, "test", "Test", 0);
    }

    @Override
    public synchronized Topology topology() {
        return topology;
    }

    synchronized void set(Topology next) {
        topology = next;
    }

    synchronized void failAt(ExecutionPhase phase) {
        failAt = phase;
    }

    synchronized void canFence(boolean can) {
        canFence = can;
    }

    synchronized List<ExecutionPhase> executed() {
        return List.copyOf(executed);
    }

    synchronized List<FailoverPlan> plans() {
        return List.copyOf(plans);
    }

    @Override
    public void start(PlatformObserver observer) {
    }

    @Override
    public Duration failureConfirmation() {
        return Duration.ofSeconds(3);
    }

    @Override
    public synchronized Optional<String> fencingMethod(Replica oldPrimary) {
        return canFence ? Optional.of("the test's fencing") : Optional.empty();
    }

    @Override
    public synchronized PhaseResult execute(ExecutionPhase phase, FailoverPlan plan) throws PlatformActionException {
        executed.add(phase);
        if (phase == ExecutionPhase.FENCE) {
            plans.add(plan);
        }
        if (phase == failAt) {
            throw new PlatformActionException("test failure in " + phase + " on " + plan.candidateId());
        }
        if (phase == ExecutionPhase.PROMOTE) {
            var cluster = topology.clusters().getFirst();
            var replicas = cluster.replicas().stream().map(r -> r.id().equals(plan.candidateId())
                    ? new Replica(r.id(), r.regionId(), ReplicaRole.PRIMARY, r.health(), r.healthDetail(),
                    r.healthSince())
                    : r.id().equals(plan.oldPrimaryId())
                    ? new Replica(r.id(), r.regionId(), ReplicaRole.STANDBY, r.health(), r.healthDetail(),
                    r.healthSince())
                    : r).toList();
            topology = new Topology(topology.targets(), topology.tiers(), topology.regions(),
                    List.of(cluster.withReplicas(replicas)), topology.links());
            return new PhaseResult("promoted " + plan.candidateId(), 4000, 1);
        }
        return PhaseResult.of(phase.label() + " done");
    }

    @Override
    public void close() {
    }
}
