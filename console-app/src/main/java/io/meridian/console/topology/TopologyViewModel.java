package io.meridian.console.topology;

import io.meridian.client.StreamStatus;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.Topology;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The topology screen's state: the latest topology, the region rows, the selection and its details, and whether
 * what is shown is fresh. {@link #pulse(Instant)} copies from the {@link TopologyStore} on the FX thread.
 */
public final class TopologyViewModel {
    private final TopologyStore store;
    private final RegionServiceSource services;
    /** The time of the last pulse: a selection made between pulses is shown as of then. */
    private Instant lastPulse = Instant.EPOCH;

    // ---- Properties
    private final ReadOnlyObjectWrapper<Topology> topology = new ReadOnlyObjectWrapper<>();
    private final ObservableList<RegionRow> rows = FXCollections.observableArrayList();
    private final StringProperty selectedRegionId = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<RegionDetails> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RegionRates> selectedRates = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper freshnessText = new ReadOnlyStringWrapper("waiting for the backend");
    private final ReadOnlyObjectWrapper<StreamStatus> status = new ReadOnlyObjectWrapper<>();

    public TopologyViewModel(TopologyStore store, RegionServiceSource services) {
        this.store = store;
        this.services = services;
        selectedRegionId.addListener((obs, old, id) -> {
            selected.set(details(topology.get(), id).orElse(null));
            refreshRates(lastPulse);
        });
    }

    public ReadOnlyObjectProperty<Topology> topologyProperty() {
        return topology.getReadOnlyProperty();
    }

    public ObservableList<RegionRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** Id of the selected region; the list and the map both write it. */
    public StringProperty selectedRegionIdProperty() {
        return selectedRegionId;
    }

    public ReadOnlyObjectProperty<RegionDetails> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Commit and rollback rates of the selected region, refreshed every pulse; null without a selection. */
    public ReadOnlyObjectProperty<RegionRates> selectedRatesProperty() {
        return selectedRates.getReadOnlyProperty();
    }

    /** True when what is shown may no longer be current: the stream is down or silent too long. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty freshnessTextProperty() {
        return freshnessText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StreamStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    // ---- Commands

    /** Applies what the store gathered since the last pulse, and ages the freshness clock. FX thread only. */
    public void pulse(Instant now) {
        if (store.takeDirty()) {
            status.set(store.status());
            var latest = store.topology();
            if (latest != null && latest != topology.get()) {
                topology.set(latest);
                refreshRows(latest);
                selected.set(details(latest, selectedRegionId.get()).orElse(null));
            }
        }
        lastPulse = now;
        refreshRates(now);
        var freshness = Freshness.of(store.lastEventAt(), now, status.get() instanceof StreamStatus.Live);
        stale.set(freshness.stale());
        var text = store.lastEventAt() == null ? "No data yet"
                : freshness.stale() ? "STALE · last update " + Freshness.describe(freshness.age()) + " ago"
                : "Live data";
        if (!text.equals(freshnessText.get())) {
            freshnessText.set(text);
        }
    }

    private void refreshRates(Instant now) {
        var region = selected.get() == null ? null : selected.get().region().id();
        var rates = region == null ? null : RegionRates.of(services.latest(region), now);
        if (!Objects.equals(rates, selectedRates.get())) {
            selectedRates.set(rates);
        }
    }

    private void refreshRows(Topology t) {
        var fresh = t.regions().stream().map(region -> {
            var replicas = t.replicasIn(region.id()).values().stream().flatMap(java.util.List::stream).toList();
            int healthy = (int) replicas.stream().filter(r -> r.health() == Health.HEALTHY).count();
            return new RegionRow(region, t.regionHealth(region.id()), replicas.size(), healthy);
        }).toList();
        if (!fresh.equals(rows)) {
            var keep = selectedRegionId.get();
            rows.setAll(fresh);
            selectedRegionId.set(keep);
        }
    }

    private static Optional<RegionDetails> details(Topology t, String regionId) {
        if (t == null || regionId == null) {
            return Optional.empty();
        }
        return t.region(regionId).map(region -> new RegionDetails(region, t.regionHealth(regionId),
                t.tierTargets(region.tier()), t.replicasIn(regionId),
                t.links().stream().filter(l -> l.crossRegion()
                        && (l.sourceRegionId().equals(regionId) || l.targetRegionId().equals(regionId))).toList()));
    }
}
