package io.meridian.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyDelta;
import io.meridian.server.scenario.ScenarioTopology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthModelTest {
    private static final Instant T0 = Instant.parse("2026-01-25T00:00:00Z");

    private static Topology initial(String scenario) throws Exception {
        return ScenarioTopology.initial(ShippedScenarios.load(scenario), T0);
    }

    /** Simulated time: one second per tick, never the wall clock. */
    private static Instant tick(int step) {
        return T0.plusSeconds(step + 1L);
    }

    private static Map<String, Replica> replicas(Topology t) {
        var byId = new HashMap<String, Replica>();
        t.clusters().forEach(c -> c.replicas().forEach(r -> byId.put(r.id(), r)));
        return byId;
    }

    @Test
    void sameSeedGivesTheSameHistory() throws Exception {
        var a = new HealthModel(initial("phase-7p"), 42);
        var b = new HealthModel(initial("phase-7p"), 42);
        int changes = 0;
        for (int step = 0; step < 2_000; step++) {
            TopologyDelta da = a.step(tick(step), link -> false, replica -> null);
            TopologyDelta db = b.step(tick(step), link -> false, replica -> null);
            assertThat(db).as("delta of step %d", step).isEqualTo(da);
            assertThat(b.topology()).as("state after step %d", step).isEqualTo(a.topology());
            if (!da.isEmpty()) {
                changes++;
            }
        }
        // The comparison means something only if the topology moved.
        assertThat(changes).isGreaterThan(50);
    }

    @Test
    void differentSeedsGiveDifferentHistories() throws Exception {
        var a = new HealthModel(initial("phase-7p"), 1);
        var b = new HealthModel(initial("phase-7p"), 2);
        int differingSteps = 0;
        for (int step = 0; step < 2_000; step++) {
            a.step(tick(step), link -> false, replica -> null);
            b.step(tick(step), link -> false, replica -> null);
            if (!a.topology().equals(b.topology())) {
                differingSteps++;
            }
        }
        assertThat(differingSteps).isGreaterThan(100);
    }

    @Test
    void mostlyHealthyAndEveryObservableStateOccurs() throws Exception {
        var model = new HealthModel(initial("phase-7p"), 7);
        var counts = new EnumMap<Health, Long>(Health.class);
        long replicaSteps = 0;
        for (int step = 0; step < 20_000; step++) {
            model.step(tick(step), link -> false, replica -> null);
            for (var cluster : model.topology().clusters()) {
                for (var replica : cluster.replicas()) {
                    counts.merge(replica.health(), 1L, Long::sum);
                    replicaSteps++;
                }
            }
        }
        double healthyShare = counts.getOrDefault(Health.HEALTHY, 0L) / (double) replicaSteps;
        assertThat(healthyShare).as("share of replica-steps HEALTHY; counts %s", counts).isBetween(0.80, 0.995);
        assertThat(counts.keySet()).as("health values seen")
                .containsExactlyInAnyOrder(Health.HEALTHY, Health.DEGRADED, Health.FAILED);
    }

    @Test
    void linkStateFollowsTheHealthOfItsEndsEveryStep() throws Exception {
        var model = new HealthModel(initial("phase-7p"), 11);
        long disconnectedSeen = 0;
        long catchingUpSeen = 0;
        for (int step = 0; step < 20_000; step++) {
            model.step(tick(step), link -> false, replica -> null);
            var replicas = replicas(model.topology());
            for (var link : model.topology().links()) {
                var source = replicas.get(link.sourceReplicaId()).health();
                var target = replicas.get(link.targetReplicaId()).health();
                if (source == Health.FAILED || target == Health.FAILED) {
                    assertThat(link.state()).as("step %d, link %s (%s -> %s)", step, link.id(), source, target)
                            .isEqualTo(LinkState.DISCONNECTED);
                    disconnectedSeen++;
                } else {
                    assertThat(link.state()).as("step %d, link %s (%s -> %s)", step, link.id(), source, target)
                            .isEqualTo(HealthModel.linkState(source, target));
                    if (link.state() == LinkState.CATCHING_UP) {
                        catchingUpSeen++;
                    }
                }
            }
        }
        assertThat(disconnectedSeen).isPositive();
        assertThat(catchingUpSeen).isPositive();
    }

    @Test
    void linkStateRule() {
        for (var source : Health.values()) {
            for (var target : Health.values()) {
                var state = HealthModel.linkState(source, target);
                if (source == Health.FAILED || target == Health.FAILED) {
                    assertThat(state).isEqualTo(LinkState.DISCONNECTED);
                } else if (source == Health.DEGRADED || target == Health.DEGRADED) {
                    assertThat(state).isEqualTo(LinkState.CATCHING_UP);
                } else {
                    assertThat(state).as("%s -> %s", source, target).isEqualTo(LinkState.STREAMING);
                }
            }
        }
    }

    @Test
    void primariesFailLessOftenThanStandbys() throws Exception {
        var model = new HealthModel(initial("phase-7p"), 2026);
        Map<ReplicaRole, long[]> steps = new EnumMap<>(ReplicaRole.class);
        Map<ReplicaRole, long[]> failures = new EnumMap<>(ReplicaRole.class);
        for (var role : ReplicaRole.values()) {
            steps.put(role, new long[1]);
            failures.put(role, new long[1]);
        }
        var previous = replicas(model.topology());
        for (int step = 0; step < 50_000; step++) {
            model.step(tick(step), link -> false, replica -> null);
            var now = replicas(model.topology());
            for (var replica : now.values()) {
                var before = previous.get(replica.id());
                steps.get(before.role())[0]++;
                if (replica.health() == Health.FAILED && before.health() != Health.FAILED) {
                    failures.get(before.role())[0]++;
                }
            }
            previous = now;
        }
        long primaryFailures = failures.get(ReplicaRole.PRIMARY)[0];
        long standbyFailures = failures.get(ReplicaRole.STANDBY)[0];
        double primaryRate = primaryFailures / (double) steps.get(ReplicaRole.PRIMARY)[0];
        double standbyRate = standbyFailures / (double) steps.get(ReplicaRole.STANDBY)[0];
        assertThat(standbyFailures).as("standby failures").isGreaterThan(100);
        // The model makes a primary's failure roughly 16 times rarer; a factor of 2 is a generous margin.
        assertThat(primaryRate).as("failures per replica-step: primaries %d, standbys %d", primaryFailures,
                standbyFailures).isLessThan(standbyRate / 2);
    }

    @Test
    void rolesNeverChange() throws Exception {
        var start = initial("nautilus-phase-7");
        var model = new HealthModel(start, 3);
        for (int step = 0; step < 2_000; step++) {
            model.step(tick(step), link -> false, replica -> null);
        }
        var roles = new ArrayList<List<ReplicaRole>>();
        for (Cluster c : model.topology().clusters()) {
            roles.add(c.replicas().stream().map(Replica::role).toList());
        }
        assertThat(roles).isEqualTo(start.clusters().stream()
                .map(c -> c.replicas().stream().map(Replica::role).toList()).toList());
        assertThat(model.topology().regions()).isEqualTo(start.regions());
    }

    @Test
    void deltaHoldsOnlyWhatChangedAndHealthSinceIsTheStepTime() throws Exception {
        var model = new HealthModel(initial("phase-7p"), 5);
        for (int step = 0; step < 2_000; step++) {
            var before = model.topology();
            var beforeReplicas = replicas(before);
            var delta = model.step(tick(step), link -> false, replica -> null);
            for (var cluster : delta.upsertedClusters()) {
                var old = before.clusters().stream().filter(c -> c.id().equals(cluster.id())).findFirst()
                        .orElseThrow();
                assertThat(cluster).as("step %d cluster %s", step, cluster.id()).isNotEqualTo(old);
                for (var replica : cluster.replicas()) {
                    var was = beforeReplicas.get(replica.id());
                    if (replica.health() != was.health()) {
                        assertThat(replica.healthSince()).isEqualTo(tick(step));
                        assertThat(replica.healthDetail().isEmpty()).isEqualTo(replica.health() == Health.HEALTHY);
                    } else {
                        assertThat(replica).isEqualTo(was);
                    }
                }
            }
            for (var link : delta.upsertedLinks()) {
                var old = before.links().stream().filter(l -> l.id().equals(link.id())).findFirst().orElseThrow();
                assertThat(link.state()).isNotEqualTo(old.state());
            }
            assertThat(before.apply(delta)).isEqualTo(model.topology());
        }
    }
}
