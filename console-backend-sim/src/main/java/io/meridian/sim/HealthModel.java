package io.meridian.sim;

import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyDelta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The simulator's health dynamics: each replica follows a Markov chain (healthy, degraded, failed, back to
 * healthy), one step per tick, and links follow the health of their two ends. The same seed gives the same
 * sequence of states tick by tick, whatever the wall clock says. Primaries fail less often than standbys, as
 * operators protect them more.
 */
final class HealthModel {
    /** Per-tick transition probabilities; at one tick per second a standby degrades every few minutes. */
    static final double DEGRADE = 0.004;
    static final double RECOVER_FROM_DEGRADED = 0.12;
    static final double FAIL_FROM_DEGRADED = 0.03;
    static final double RECOVER_FROM_FAILED = 0.04;
    static final double PRIMARY_FACTOR = 0.25;

    private static final List<String> DEGRADED_CAUSES = List.of(
            "disk write latency 180 ms", "CPU saturated at 97%", "connection pool exhausted",
            "WAL archive backlog growing", "memory pressure: swap in use", "packet loss 4% to upstream");
    private static final List<String> FAILED_CAUSES = List.of(
            "missed 3 heartbeats", "host unreachable", "process crashed; restarting",
            "storage volume read-only");

    private final SplittableRandom random;
    private Topology topology;

    HealthModel(Topology initial, long seed) {
        this.topology = initial;
        this.random = new SplittableRandom(seed);
    }

    Topology topology() {
        return topology;
    }

    /** Advances one tick and returns what changed (possibly nothing); partitioned links are disconnected. */
    TopologyDelta step(Instant now, Predicate<String> partitioned) {
        var changedClusters = new ArrayList<Cluster>();
        var healthOf = new HashMap<String, Health>();
        for (var cluster : topology.clusters()) {
            boolean changed = false;
            var replicas = new ArrayList<>(cluster.replicas());
            for (int i = 0; i < replicas.size(); i++) {
                var replica = replicas.get(i);
                double factor = replica.role() == ReplicaRole.PRIMARY ? PRIMARY_FACTOR : 1.0;
                var next = next(replica.health(), factor);
                if (next != replica.health()) {
                    replicas.set(i, replica.withHealth(next, cause(next), now));
                    changed = true;
                }
                healthOf.put(replica.id(), replicas.get(i).health());
            }
            if (changed) {
                changedClusters.add(new Cluster(cluster.id(), cluster.displayName(), replicas));
            }
        }
        var changedLinks = new ArrayList<ReplicationLink>();
        for (var link : topology.links()) {
            var state = partitioned.test(link.id()) ? LinkState.DISCONNECTED
                    : linkState(healthOf.get(link.sourceReplicaId()), healthOf.get(link.targetReplicaId()));
            if (state != link.state()) {
                changedLinks.add(link.withState(state));
            }
        }
        var delta = TopologyDelta.of(changedClusters, changedLinks);
        topology = topology.apply(delta);
        return delta;
    }

    private Health next(Health current, double factor) {
        double roll = random.nextDouble();
        return switch (current) {
            case HEALTHY -> roll < DEGRADE * factor ? Health.DEGRADED : Health.HEALTHY;
            case DEGRADED -> roll < RECOVER_FROM_DEGRADED ? Health.HEALTHY
                    : roll < RECOVER_FROM_DEGRADED + FAIL_FROM_DEGRADED * factor ? Health.FAILED : Health.DEGRADED;
            case FAILED, UNKNOWN -> roll < RECOVER_FROM_FAILED ? Health.HEALTHY : current;
        };
    }

    private String cause(Health health) {
        return switch (health) {
            case HEALTHY -> "";
            case DEGRADED -> DEGRADED_CAUSES.get(random.nextInt(DEGRADED_CAUSES.size()));
            case FAILED, UNKNOWN -> FAILED_CAUSES.get(random.nextInt(FAILED_CAUSES.size()));
        };
    }

    static LinkState linkState(Health source, Health target) {
        if (source == Health.FAILED || target == Health.FAILED) {
            return LinkState.DISCONNECTED;
        }
        if (source == Health.DEGRADED || target == Health.DEGRADED) {
            return LinkState.CATCHING_UP;
        }
        return LinkState.STREAMING;
    }
}
