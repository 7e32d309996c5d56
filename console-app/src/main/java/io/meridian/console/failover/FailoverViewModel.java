package io.meridian.console.failover;

import io.meridian.client.ActingIdentities;
import io.meridian.client.ActingIdentity;
import io.meridian.client.DecisionSigner;
import io.meridian.client.FailoverClient;
import io.meridian.client.StreamStatus;
import io.meridian.console.tasks.Background;
import io.meridian.console.topology.Freshness;
import io.meridian.model.failover.DecisionKind;
import io.meridian.model.failover.Proposal;
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The failover screen's state: the proposals queue (active first, newest first), the selected proposal, who the
 * console acts as, what each command allows and why not, and the outcome of the last command. {@link #pulse}
 * copies from the {@link ProposalStore} on the FX thread; commands run their RPCs through {@link Background} and
 * apply the answers on the FX thread.
 */
public final class FailoverViewModel {
    private final FailoverClient client;
    private final ActingIdentities identities;
    private final ProposalStore store;
    private final Background background;
    private final DecisionSigner signer;
    private final ObservableValue<Topology> topology;
    private final LiveLag liveLag;
    private final HashMap<String, ProposalRow> rowsById = new HashMap<>();
    private long lastTickSecond = Long.MIN_VALUE;

    // ---- Properties
    private final ObservableList<ProposalRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper();
    private final StringProperty selectedId = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<Proposal> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> serverNow = new ReadOnlyObjectWrapper<>(Instant.EPOCH);
    private final ObjectProperty<ActingIdentity> acting = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper streamText = new ReadOnlyStringWrapper("Connecting…");
    private final ReadOnlyStringWrapper liveLagText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Availability> approve = new ReadOnlyObjectWrapper<>(none());
    private final ReadOnlyObjectWrapper<Availability> reject = new ReadOnlyObjectWrapper<>(none());
    private final ReadOnlyObjectWrapper<Availability> refresh = new ReadOnlyObjectWrapper<>(none());
    private final ReadOnlyObjectWrapper<Availability> switchover = new ReadOnlyObjectWrapper<>(none());

    public FailoverViewModel(FailoverClient client, ActingIdentities identities, ProposalStore store,
                             Background background, DecisionSigner signer, ObservableValue<Topology> topology,
                             LiveLag liveLag) {
        this.client = client;
        this.identities = identities;
        this.store = store;
        this.background = background;
        this.signer = signer;
        this.topology = topology;
        this.liveLag = liveLag;
        acting.set(identities.current().orElse(null));
        acting.addListener((obs, old, who) -> {
            if (who != null) {
                identities.actAs(who);
            }
            recomputeAvailability();
        });
        selectedId.addListener((obs, old, id) -> {
            selected.set(id == null || !rowsById.containsKey(id) ? null : rowsById.get(id).proposalProperty().get());
            recomputeAvailability();
        });
        connected.addListener((obs, old, now) -> recomputeAvailability());
    }

    private static Availability none() {
        return Availability.refused("Select a proposal first.");
    }

    public ObservableList<ProposalRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** Proposals waiting for a decision or executing: the count on the tab, visible from every view. */
    public ReadOnlyIntegerProperty openCountProperty() {
        return openCount.getReadOnlyProperty();
    }

    /** Id of the selected proposal; the queue writes it. */
    public StringProperty selectedIdProperty() {
        return selectedId;
    }

    public ReadOnlyObjectProperty<Proposal> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The backend's time, ticking once a second, for ages, countdowns and running phases. */
    public ReadOnlyObjectProperty<Instant> serverNowProperty() {
        return serverNow.getReadOnlyProperty();
    }

    /** Who the console acts as; in demo mode the switcher writes it. */
    public ObjectProperty<ActingIdentity> actingProperty() {
        return acting;
    }

    public List<ActingIdentity> identityChoices() {
        return identities.choices();
    }

    public boolean demoIdentities() {
        return identities.demo();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** The proposal stream's state: "Live", "Reconnecting (attempt 3) · …". */
    public ReadOnlyStringProperty streamTextProperty() {
        return streamText.getReadOnlyProperty();
    }

    /** The selected proposal's candidate's lag as the telemetry stream reports it now, refreshed every second. */
    public ReadOnlyStringProperty liveLagTextProperty() {
        return liveLagText.getReadOnlyProperty();
    }

    /** The outcome of the last command, in words; an error when {@link #messageIsErrorProperty()}. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    /** True while a command's RPC runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Availability> approveProperty() {
        return approve.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Availability> rejectProperty() {
        return reject.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Availability> refreshProperty() {
        return refresh.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Availability> switchoverProperty() {
        return switchover.getReadOnlyProperty();
    }

    public ObservableValue<Topology> topologyProperty() {
        return topology;
    }

    // ---- Commands

    /** Applies what the store gathered since the last pulse and ticks the clocks once a second. FX thread only. */
    public void pulse(Instant localNow) {
        var now = store.serverNow(localNow);
        if (store.takeDirty()) {
            connected.set(store.status() instanceof StreamStatus.Live);
            streamText.set(describeStream(localNow));
            refreshRows(store.proposals(), now);
        }
        long second = now.getEpochSecond();
        if (second != lastTickSecond) {
            lastTickSecond = second;
            serverNow.set(now);
            rows.forEach(row -> row.tick(now));
            liveLagText.set(describeLiveLag(localNow));
            streamText.set(describeStream(localNow));
        }
    }

    /** "Live", "Connecting…", "Reconnecting (attempt 3) · cause", or how long a live stream has been silent. */
    private String describeStream(Instant localNow) {
        var last = store.lastEventAt();
        return switch (store.status()) {
            case StreamStatus.Live live -> last != null && Freshness.of(last, localNow, true).stale()
                    ? "No word from the backend for " + Freshness.describe(Duration.between(last, localNow))
                    : "Live";
            case StreamStatus.Connecting c -> "Connecting…";
            case StreamStatus.Reconnecting r -> "Reconnecting (attempt " + r.attempt() + ") · " + r.cause();
        };
    }

    private void refreshRows(List<Proposal> proposals, Instant now) {
        var ordered = proposals.stream().sorted(Comparator
                .comparing((Proposal p) -> !p.state().active())
                .thenComparing(Proposal::openedAt, Comparator.reverseOrder())).toList();
        var orderedIds = ordered.stream().map(Proposal::id).toList();
        for (var p : ordered) {
            var row = rowsById.get(p.id());
            if (row == null) {
                rowsById.put(p.id(), new ProposalRow(p, now));
            } else if (!row.proposalProperty().get().equals(p)) {
                row.update(p, now);
            }
        }
        if (!orderedIds.equals(rows.stream().map(ProposalRow::id).toList())) {
            var keep = selectedId.get();
            rows.setAll(orderedIds.stream().map(rowsById::get).toList());
            selectedId.set(keep);
        }
        openCount.set((int) proposals.stream().filter(p -> p.state().active()).count());
        if (selectedId.get() == null && !rows.isEmpty()) {
            selectedId.set(rows.getFirst().id());
        }
        var id = selectedId.get();
        var current = id == null || !rowsById.containsKey(id) ? null : rowsById.get(id).proposalProperty().get();
        if (!Objects.equals(current, selected.get())) {
            selected.set(current);
        }
        recomputeAvailability();
    }

    private String describeLiveLag(Instant localNow) {
        var p = selected.get();
        if (p == null || !p.state().active() || p.candidateId().isEmpty()) {
            return "";
        }
        return liveLag.into(p.candidateId()).map(r -> {
            var age = Duration.between(r.asOf(), localNow);
            var figure = FailoverText.duration(Duration.ofMillis(Math.round(r.seconds() * 1000)))
                    + (r.bytes() > 0 ? " (" + FailoverText.bytes(r.bytes()) + ")" : "");
            var what = "Live lag of " + p.candidateId() + " behind " + r.behindReplicaId() + ": ";
            return age.compareTo(Freshness.STALE_AFTER) > 0
                    ? what + "FROZEN at " + figure + ", last figure " + Freshness.describe(age) + " old"
                    : what + figure;
        }).orElse("Live lag of " + p.candidateId() + ": no figure from the telemetry stream");
    }

    /** Asks the backend to recompute the selected proposal's dry run from the current topology and telemetry. */
    public void refreshDryRun() {
        var p = selected.get();
        if (p == null || !refresh.get().allowed()) {
            return;
        }
        busy.set(true);
        background.run(() -> client.refreshDryRun(p.id()), Background.outcome(fresh -> {
            busy.set(false);
            store.accept(fresh);
            say(fresh.version() == p.version() ? "Dry run recomputed: nothing a decider must review changed."
                    : "Dry run recomputed: version " + fresh.version() + ". Review it again before deciding.",
                    false);
        }, failure -> {
            busy.set(false);
            say("Refresh failed: " + failure.getMessage(), true);
        }));
    }

    /** A dialog's state for deciding the selected proposal as the acting identity; empty when not allowed. */
    public Optional<DecisionDialogViewModel> decisionDialog(DecisionKind kind) {
        var p = selected.get();
        var allowed = kind == DecisionKind.APPROVE ? approve.get() : reject.get();
        if (p == null || acting.get() == null || !allowed.allowed()) {
            return Optional.empty();
        }
        return Optional.of(new DecisionDialogViewModel(p, selected, kind, acting.get(), client, signer, background,
                receipt -> {
                    store.accept(receipt.proposal());
                    say(DecisionDialogViewModel.outcome(receipt), false);
                }));
    }

    /** A dialog's state for requesting a planned switchover; empty when the acting identity may not. */
    public Optional<SwitchoverDialogViewModel> switchoverDialog() {
        if (!switchover.get().allowed()) {
            return Optional.empty();
        }
        var busyClusters = store.proposals().stream().filter(p -> p.state().active()).map(Proposal::clusterId)
                .toList();
        return Optional.of(new SwitchoverDialogViewModel(topology.getValue(), busyClusters, client,
                background, opened -> {
                    store.accept(opened);
                    selectedId.set(opened.id());
                    say("Switchover requested: proposal " + opened.id() + " waits for "
                            + opened.approvalsRequired() + " approval(s).", false);
                }));
    }

    private void recomputeAvailability() {
        var p = selected.get();
        var who = acting.get();
        boolean online = connected.get();
        if (p == null) {
            approve.set(none());
            reject.set(none());
            refresh.set(none());
        } else {
            approve.set(DecisionRules.approve(p, who, identities.demo(), online));
            reject.set(DecisionRules.reject(p, who, identities.demo(), online));
            refresh.set(DecisionRules.refresh(p, online));
        }
        switchover.set(DecisionRules.switchover(who, identities.demo(), online));
    }

    private void say(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }
}
