package io.meridian.console.telemetry;

import io.meridian.client.StreamStatus;
import io.meridian.console.topology.Freshness;
import io.meridian.model.topology.PlatformTargets;
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The telemetry screen's state: the map's lag arcs, the headline tiles, the anomalies the backend caused, and the
 * alerts. {@link #pulse} runs once per frame on the FX thread: it takes what the {@link TelemetryStore} gathered,
 * feeds new figures to the alert rules, and recomputes the figures, whose ages it also advances, so a figure that
 * stops updating turns stale without any new data.
 */
public final class TelemetryViewModel {
    /** How long a value must stay below its clearing level before an alert clears. */
    public static final Duration ALERT_HOLD = Duration.ofSeconds(10);

    private final TelemetryStore store;
    private final AlertsViewModel alerts;
    private final ChartsViewModel charts;
    private final Map<String, Figure> figures = new HashMap<>();
    private AlertRules rules;
    private PlatformTargets rulesFor;
    private StreamStatus status = new StreamStatus.Connecting(1);
    private Topology topology;

    // ---- Properties
    private final ReadOnlyObjectWrapper<Map<String, ArcFigure>> arcs = new ReadOnlyObjectWrapper<>(Map.of());
    private final ObservableList<TileFigure> tiles = FXCollections.observableArrayList();
    private final ObservableList<TileFigure> tilesView = FXCollections.unmodifiableObservableList(tiles);
    private final ObservableList<Anomaly> anomalies = FXCollections.observableArrayList();
    private final ObservableList<Anomaly> anomaliesView = FXCollections.unmodifiableObservableList(anomalies);
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(false);

    public TelemetryViewModel(TelemetryStore store, AlertsViewModel alerts, ChartsViewModel charts) {
        this.store = store;
        this.alerts = alerts;
        this.charts = charts;
    }

    /** Lag figures of the map's arcs, by {@link ArcFigure#pair()}; replaced (never mutated) when they change. */
    public ReadOnlyObjectProperty<Map<String, ArcFigure>> arcsProperty() {
        return arcs.getReadOnlyProperty();
    }

    /** The six headline tiles, in a fixed order; an element is replaced when its figure changes. */
    public ObservableList<TileFigure> tiles() {
        return tilesView;
    }

    /** What the backend sent that the console refused to show, most recent first. */
    public ObservableList<Anomaly> anomalies() {
        return anomaliesView;
    }

    /** True while the telemetry stream delivers. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public AlertsViewModel alerts() {
        return alerts;
    }

    public ChartsViewModel charts() {
        return charts;
    }

    // ---- Commands

    /**
     * Applies what arrived since the last pulse and ages every figure: {@link #applyChanges} then
     * {@link #refreshTiles}. {@code topology} is the current topology (null before the first) and
     * {@code topologyFreshness} whether it is current. FX thread only.
     */
    public void pulse(Instant now, Topology topology, Freshness topologyFreshness) {
        applyChanges(now, topology);
        refreshTiles(now, topologyFreshness);
    }

    /**
     * The first half of a refresh: takes what the store gathered, runs the alert rules, and updates the map's arcs
     * and the open charts. The window calls the two halves in consecutive frames, so neither frame carries both.
     */
    public void applyChanges(Instant now, Topology topology) {
        Set<String> changedKeys = Set.of();
        if (store.isDirty()) {
            var changes = store.drain();
            status = changes.status();
            if (changes.replaced()) {
                figures.clear();
            }
            figures.putAll(changes.figures());
            changedKeys = changes.figures().keySet();
            showAnomalies(changes.anomalies());
            if (topology != null) {
                runRules(topology.targets(), changes.figures());
            }
        }
        live.set(status instanceof StreamStatus.Live);
        this.topology = topology;
        if (topology == null) {
            return;
        }
        var newArcs = ArcFigures.of(topology, figures, now, live.get());
        if (!newArcs.equals(arcs.get())) {
            arcs.set(Map.copyOf(newArcs));
        }
        charts.pulse(changedKeys, live.get());
    }

    /** The second half of a refresh: the headline tiles from the figures {@link #applyChanges} left. */
    public void refreshTiles(Instant now, Freshness topologyFreshness) {
        if (topology == null) {
            return;
        }
        var newTiles = Headlines.of(topology, figures, now, live.get(), topologyFreshness);
        if (tiles.size() != newTiles.size()) {
            tiles.setAll(newTiles);
        } else {
            for (int i = 0; i < newTiles.size(); i++) {
                if (!newTiles.get(i).equals(tiles.get(i))) {
                    tiles.set(i, newTiles.get(i));
                }
            }
        }
    }

    /** Opens the charts of the links from one region to another (a map arc). */
    public void showArc(String sourceRegionId, String targetRegionId) {
        charts.show(new ChartSelection.Arc(sourceRegionId, targetRegionId), topology);
    }

    /** Opens the charts of a region: its replicas' clocks and its drift test. */
    public void showRegion(String regionId) {
        charts.show(regionId == null ? null : new ChartSelection.Region(regionId), topology);
    }

    private void runRules(PlatformTargets targets, Map<String, Figure> changed) {
        if (rules == null || !targets.equals(rulesFor)) {
            rules = new AlertRules(targets, ALERT_HOLD);
            rulesFor = targets;
        }
        var ordered = changed.values().stream().sorted(Comparator.comparing(f -> f.sample().observedAt())).toList();
        var raised = new ArrayList<AlertChange>();
        for (var figure : ordered) {
            raised.addAll(rules.observe(figure.sample()));
        }
        // One application per pulse: the alert list trims itself once, however many figures changed.
        alerts.apply(raised);
    }

    private void showAnomalies(List<Anomaly> seen) {
        for (var anomaly : seen) {
            anomalies.removeIf(a -> a.key().equals(anomaly.key()));
            anomalies.addFirst(anomaly);
        }
    }
}
