package io.meridian.sim;

import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyDelta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
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
    /** Replicas a failover fenced: they stay failed, whatever the dice say, until they rejoin as standbys. */
    private final Set<String> fenced = new HashSet<>();
    private Topology topology;

    HealthModel(Topology initial, long seed) {
        this.topology = initial;
        this.random = new SplittableRandom(seed);
    }

    Topology topology() {
        return topology;
    }

    /**
     * Advances one tick and returns what changed (possibly nothing); partitioned links are disconnected, and a
     * replica for which {@code injectedFailure} names a cause is failed with it.
     */
    TopologyDelta step(Instant now, Predicate<String> partitioned, Function<Replica, String> injectedFailure) {
        var changedClusters = new ArrayList<Cluster>();
        var healthOf = new HashMap<String, Health>();
        for (var cluster : topology.clusters()) {
            boolean changed = false;
            var replicas = new ArrayList<>(cluster.replicas());
            for (int i = 0; i < replicas.size(); i++) {
                var replica = replicas.get(i);
                var injected = injectedFailure.apply(replica);
                if (injected != null || fenced.contains(replica.id())) {
                    var detail = injected != null ? injected : replica.healthDetail();
                    if (replica.health() != Health.FAILED || !detail.equals(replica.healthDetail())) {
                        replicas.set(i, replica.withHealth(Health.FAILED, detail, now));
                        changed = true;
                    }
                } else {
                    double factor = replica.role() == ReplicaRole.PRIMARY ? PRIMARY_FACTOR : 1.0;
                    var next = next(replica.health(), factor);
                    if (next != replica.health()) {
                        replicas.set(i, replica.withHealth(next, cause(next), now));
                        changed = true;
                    }
                }
                healthOf.put(replica.id(), replicas.get(i).health());
            }
            if (changed) {
                changedClusters.add(cluster.withReplicas(replicas));
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

    /** Fences a replica: it accepts no writes and its outgoing links stop. */
    TopologyDelta fence(String replicaId, String detail, Instant now) {
        fenced.add(replicaId);
        var clusters = new ArrayList<Cluster>();
        for (var cluster : topology.clusters()) {
            if (cluster.replicas().stream().anyMatch(r -> r.id().equals(replicaId))) {
                clusters.add(cluster.withReplicas(cluster.replicas().stream()
                        .map(r -> r.id().equals(replicaId) ? r.withHealth(Health.FAILED, detail, now) : r)
                        .toList()));
            }
        }
        var links = topology.links().stream().filter(l -> l.sourceReplicaId().equals(replicaId))
                .map(l -> l.withState(LinkState.DISCONNECTED)).toList();
        return apply(TopologyDelta.of(clusters, links));
    }

    /** Makes {@code candidateId} the primary of its cluster; the old primary becomes a standby without a link. */
    TopologyDelta promote(String clusterId, String candidateId) {
        var cluster = cluster(clusterId);
        var replicas = cluster.replicas().stream().map(r -> r.id().equals(candidateId)
                ? new Replica(r.id(), r.regionId(), ReplicaRole.PRIMARY, r.health(), r.healthDetail(), r.healthSince())
                : r.role() == ReplicaRole.PRIMARY
                ? new Replica(r.id(), r.regionId(), ReplicaRole.STANDBY, r.health(), r.healthDetail(), r.healthSince())
                : r).toList();
        var removed = topology.links().stream()
                .filter(l -> l.clusterId().equals(clusterId) && l.targetReplicaId().equals(candidateId))
                .map(ReplicationLink::id).toList();
        return apply(new TopologyDelta(List.of(), List.of(cluster.withReplicas(replicas)),
                List.of(), List.of(), List.of(), removed));
    }

    /**
     * Re-forms the cluster's links around its primary: every other replica replicates from it, the first one in
     * the primary's region synchronously. Fenced replicas rejoin as healthy standbys (the simulated pg_rewind)
     * unless {@code stillDown} says they are still unreachable. Returns the delta and how many standbys follow.
     */
    TopologyDelta reroute(String clusterId, Predicate<String> stillDown, Instant now) {
        var cluster = cluster(clusterId);
        var primary = cluster.primary().orElseThrow();
        var region = primary.regionId();
        var removed = topology.links().stream().filter(l -> l.clusterId().equals(clusterId))
                .map(ReplicationLink::id).toList();
        var replicas = new ArrayList<Replica>();
        var links = new ArrayList<ReplicationLink>();
        boolean syncChosen = false;
        for (var replica : cluster.replicas()) {
            var current = replica;
            if (fenced.contains(replica.id()) && !stillDown.test(replica.id())) {
                fenced.remove(replica.id());
                current = replica.withHealth(Health.HEALTHY, "rejoined as a standby (simulated pg_rewind)", now);
            }
            replicas.add(current);
            if (current.id().equals(primary.id())) {
                continue;
            }
            boolean sync = !syncChosen && current.regionId().equals(region) && current.health() != Health.FAILED;
            syncChosen |= sync;
            links.add(new ReplicationLink(ReplicationLink.idOf(primary.id(), current.id()), clusterId, primary.id(),
                    current.id(), region, current.regionId(), sync,
                    linkState(primary.health(), current.health())));
        }
        var keep = links.stream().map(ReplicationLink::id).toList();
        return apply(new TopologyDelta(List.of(), List.of(cluster.withReplicas(replicas)),
                links, List.of(), List.of(), removed.stream().filter(id -> !keep.contains(id)).toList()));
    }

    private Cluster cluster(String clusterId) {
        return topology.clusters().stream().filter(c -> c.id().equals(clusterId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cluster " + clusterId));
    }

    private TopologyDelta apply(TopologyDelta delta) {
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
