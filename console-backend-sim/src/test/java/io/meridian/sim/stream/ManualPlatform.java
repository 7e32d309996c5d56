package io.meridian.sim.stream;

import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.session.PlatformInfo;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyDelta;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PhaseResult;
import io.meridian.server.platform.Platform;
import io.meridian.server.platform.PlatformActionException;
import io.meridian.server.platform.PlatformObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A platform whose changes the test makes, one call at a time. */
final class ManualPlatform implements Platform {
    private Topology topology;
    private PlatformObserver observer;

    ManualPlatform(Topology initial) {
        this.topology = initial;
    }

    @Override
    public PlatformInfo info() {
        return new PlatformInfo("test", "Manual test platform", true, "test", "Test", 0);
    }

    @Override
    public synchronized Topology topology() {
        return topology;
    }

    @Override
    public synchronized void start(PlatformObserver observer) {
        this.observer = observer;
    }

    /** Flips the health of replica {@code index} of the first cluster and reports the change. */
    synchronized void flip(int step) {
        var cluster = topology.clusters().getFirst();
        var replicas = new ArrayList<>(cluster.replicas());
        int i = step % replicas.size();
        var r = replicas.get(i);
        replicas.set(i, r.withHealth(r.health() == Health.HEALTHY ? Health.DEGRADED : Health.HEALTHY,
                "step " + step, Instant.EPOCH.plusSeconds(step)));
        var delta = TopologyDelta.of(List.of(cluster.withReplicas(replicas)), List.of());
        topology = topology.apply(delta);
        observer.topologyChanged(delta);
    }

    /** Reports measurements as a live platform would. */
    synchronized void measure(List<TelemetrySample> samples) {
        observer.measured(samples);
    }

    /** The tests of streams never approve a failover; a phase reaching here is a test going wrong. */
    @Override
    public PhaseResult execute(ExecutionPhase phase, FailoverPlan plan) throws PlatformActionException {
        throw new PlatformActionException("the manual test platform carries out no failover (" + phase + ")");
    }

    @Override
    public void close() {
    }
}
