package io.meridian.console.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.client.BackendException;
import io.meridian.console.tasks.CurrentThread;
import io.meridian.model.failover.Proposal;
import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.PlatformTargets;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planned-switchover dialog's state: which clusters may hand over, the two labelled actions, safe retries. */
class SwitchoverDialogViewModelTest {
    private final FakeFailoverClient client = new FakeFailoverClient(Proposals.open(1, List.of()));
    private final List<Proposal> opened = new ArrayList<>();

    private static Cluster cluster(String id, Health primaryHealth) {
        var t = Proposals.OPENED;
        return new Cluster(id, id.toUpperCase(Locale.ROOT), "eu", List.of(
                new Replica(id + "-1", "eu", ReplicaRole.PRIMARY, primaryHealth, "", t),
                new Replica(id + "-2", "eu", ReplicaRole.STANDBY, Health.HEALTHY, "", t),
                new Replica(id + "-3", "us", ReplicaRole.STANDBY, Health.HEALTHY, "", t)));
    }

    private SwitchoverDialogViewModel dialog(List<String> busy) {
        var targets = new PlatformTargets(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60), 1,
                99.9, Duration.ofMillis(50), Duration.ofMillis(200));
        var topology = new Topology(targets, List.of(), List.of(), List.of(cluster("orders", Health.HEALTHY),
                cluster("billing", Health.FAILED), cluster("ledger", Health.HEALTHY)), List.of());
        return new SwitchoverDialogViewModel(topology, busy, client, new CurrentThread(), opened::add);
    }

    @Test
    void onlyClustersWithAHealthyPrimaryAndNoOpenProposalMayHandOver() {
        var vm = dialog(List.of("ledger"));
        assertThat(vm.clusters()).extracting(Cluster::id).containsExactly("orders");
        assertThat(vm.replicas()).extracting(Replica::id).containsExactly("orders-2", "orders-3");
    }

    @Test
    void meridianPicksNeedsAReasonAndYouPickNeedsAReplica() {
        var vm = dialog(List.of());
        assertThat(vm.canRequestBestProperty().get()).isFalse();
        vm.reasonProperty().set("kernel patching, CHG-2211");
        assertThat(vm.canRequestBestProperty().get()).isTrue();
        assertThat(vm.canRequestChosenProperty().get()).isFalse();
        assertThat(vm.whyNotProperty().get()).contains("choose one of the standbys");
        vm.replicaProperty().set(vm.replicas().get(1));
        assertThat(vm.canRequestChosenProperty().get()).isTrue();
        vm.requestChosenReplica();
        assertThat(client.switchovers.getFirst().candidateId()).contains("orders-3");
        assertThat(opened).hasSize(1);
        assertThat(vm.doneProperty().get()).isTrue();
    }

    @Test
    void aRetryAfterALostReplyKeepsTheRequestIdAndMeridianPicksSendsNoCandidate() {
        var vm = dialog(List.of());
        vm.reasonProperty().set("patching");
        client.failures.add(new BackendException(BackendException.Kind.TIMEOUT, "backend x did not answer in time",
                null));
        vm.requestBestCandidate();
        assertThat(vm.errorProperty().get()).contains("same request id");
        vm.requestBestCandidate();
        assertThat(client.switchovers).hasSize(2);
        assertThat(client.switchovers.get(1)).isEqualTo(client.switchovers.get(0));
        assertThat(client.switchovers.get(0).candidateId()).isEqualTo(Optional.empty());
    }
}
