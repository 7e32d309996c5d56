package io.meridian.console.failover;

import io.meridian.client.BackendException;
import io.meridian.client.FailoverClient;
import io.meridian.console.tasks.Background;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.SwitchoverRequest;
import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.Topology;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The planned-switchover dialog. Two labelled actions, because "forced failover" and "promote this replica" confuse
 * people: "Meridian picks the best candidate" leaves the ranking to the dry run; "You pick this replica" names one,
 * and the proposal's dry run then states its risk before anyone approves. A request keeps its request id while the
 * user retries it unchanged, so a lost reply never opens a second proposal.
 */
public final class SwitchoverDialogViewModel {
    private final FailoverClient client;
    private final Background background;
    private final Consumer<Proposal> opened;
    private SwitchoverRequest pending;

    // ---- Properties
    private final ObservableList<Cluster> clusters = FXCollections.observableArrayList();
    private final ObjectProperty<Cluster> cluster = new SimpleObjectProperty<>();
    private final ObservableList<Replica> replicas = FXCollections.observableArrayList();
    private final ObjectProperty<Replica> replica = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper canRequestBest = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRequestChosen = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper whyNot = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();

    SwitchoverDialogViewModel(Topology topology, Collection<String> clustersWithActiveProposals,
                              FailoverClient client, Background background, Consumer<Proposal> opened) {
        this.client = client;
        this.background = background;
        this.opened = opened;
        if (topology != null) {
            // A switchover hands over from a healthy primary; a cluster with a proposal running already has one.
            clusters.setAll(topology.clusters().stream()
                    .filter(c -> c.primary().map(p -> p.health() == Health.HEALTHY).orElse(false))
                    .filter(c -> !clustersWithActiveProposals.contains(c.id()))
                    .filter(c -> c.replicas().size() > 1).toList());
        }
        cluster.addListener((obs, old, c) -> {
            replicas.setAll(c == null ? List.of()
                    : c.replicas().stream().filter(r -> r.role() != ReplicaRole.PRIMARY).toList());
            replica.set(null);
            validate();
        });
        replica.addListener(o -> validate());
        reason.addListener(o -> validate());
        busy.addListener(o -> validate());
        if (!clusters.isEmpty()) {
            cluster.set(clusters.getFirst());
        }
        validate();
    }

    /** Clusters whose healthy primary can hand over now. */
    public ObservableList<Cluster> clusters() {
        return clusters;
    }

    public ObjectProperty<Cluster> clusterProperty() {
        return cluster;
    }

    /** The standbys of the chosen cluster, for "You pick this replica". */
    public ObservableList<Replica> replicas() {
        return replicas;
    }

    public ObjectProperty<Replica> replicaProperty() {
        return replica;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyBooleanProperty canRequestBestProperty() {
        return canRequestBest.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRequestChosenProperty() {
        return canRequestChosen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whyNotProperty() {
        return whyNot.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    // ---- Commands

    /** "Meridian picks the best candidate": the dry run ranks the standbys and proposes the first eligible one. */
    public void requestBestCandidate() {
        if (canRequestBest.get()) {
            send(Optional.empty());
        }
    }

    /** "You pick this replica": the chosen standby, whatever its rank; the dry run states the risk. */
    public void requestChosenReplica() {
        if (canRequestChosen.get()) {
            send(Optional.of(replica.get().id()));
        }
    }

    private void send(Optional<String> candidate) {
        var text = reason.get().strip();
        var clusterId = cluster.get().id();
        if (pending == null || !pending.clusterId().equals(clusterId) || !pending.candidateId().equals(candidate)
                || !pending.reason().equals(text)) {
            pending = new SwitchoverRequest(clusterId, candidate, text, UUID.randomUUID().toString());
        }
        var request = pending;
        busy.set(true);
        error.set("");
        background.run(() -> client.requestSwitchover(request), Background.outcome(proposal -> {
            busy.set(false);
            done.set(true);
            opened.accept(proposal);
        }, failure -> {
            busy.set(false);
            error.set(describe(failure));
        }));
    }

    private static String describe(BackendException failure) {
        return switch (failure.kind()) {
            case REFUSED -> "Refused: " + failure.getMessage();
            case UNREACHABLE, TIMEOUT -> failure.getMessage() + ". Requesting again sends the same request id: at "
                    + "most one switchover opens.";
            case INCOMPATIBLE, FAILED -> failure.getMessage();
        };
    }

    private void validate() {
        String missing = "";
        if (clusters.isEmpty()) {
            missing = "No cluster can switch over now: each needs a healthy primary, a standby and no open proposal.";
        } else if (cluster.get() == null) {
            missing = "Choose the cluster whose primary hands over.";
        } else if (reason.get().isBlank()) {
            missing = "Write why the primary should hand over.";
        }
        whyNot.set(missing.isEmpty() && replica.get() == null
                ? "To pick the replica yourself, choose one of the standbys." : missing);
        boolean ready = missing.isEmpty() && !busy.get() && !done.get();
        canRequestBest.set(ready);
        canRequestChosen.set(ready && replica.get() != null);
    }
}
