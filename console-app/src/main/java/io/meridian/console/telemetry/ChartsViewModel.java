package io.meridian.console.telemetry;

import io.meridian.client.Backend;
import io.meridian.client.BackendException;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.Topology;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The charts of the selected arc or region. Their data sets are written on one background thread only, never on the
 * FX thread (chart-fx holds a data set's lock while it renders): first the last hour from
 * {@link Backend#telemetryHistory}, then, each time the pulse reports that a shown key changed, the points the
 * {@link TelemetryStore}'s history gained since. Points older than the window fall off the left.
 */
public final class ChartsViewModel implements AutoCloseable {
    public static final Duration WINDOW = Duration.ofHours(1);
    static final Duration RESOLUTION = Duration.ofSeconds(1);

    private final Backend backend;
    private final TelemetryStore store;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("chart-data").factory());
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean feedQueued = new AtomicBoolean();
    private volatile boolean closed;
    private volatile String loadState = "";
    private volatile String loadDetail = "";
    /** Last time written per data set (by identity: data sets compare by content), on the writer thread only. */
    private final Map<DoubleDataSet, Long> written = new IdentityHashMap<>();
    private List<Plot> plots = List.of();

    // ---- Properties
    private final ReadOnlyObjectWrapper<ChartSelection> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<Plot>> shown = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusDetail = new ReadOnlyStringWrapper("");

    /** A panel with the data set of each of its series, in the same order. */
    public record Plot(ChartPanel panel, List<DoubleDataSet> data) {}

    public ChartsViewModel(Backend backend, TelemetryStore store) {
        this.backend = backend;
        this.store = store;
    }

    public ReadOnlyObjectProperty<ChartSelection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** The charts to show; a new list whenever the selection changes. */
    public ReadOnlyObjectProperty<List<Plot>> plotsProperty() {
        return shown.getReadOnlyProperty();
    }

    /**
     * How the history load went ("loading the last hour…", "last hour loaded", or why it failed) and whether the
     * charts still follow a live stream.
     */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Why history could not be loaded, one line per series, or empty; for a tooltip. */
    public ReadOnlyStringProperty statusDetailProperty() {
        return statusDetail.getReadOnlyProperty();
    }

    // ---- Commands

    /** Shows the charts of {@code choice} (null hides them) and loads their history in the background. */
    public void show(ChartSelection choice, Topology topology) {
        if (closed) {
            return;
        }
        long current = generation.incrementAndGet();
        selection.set(choice);
        if (choice == null || topology == null) {
            plots = List.of();
            shown.set(plots);
            return;
        }
        var fresh = new ArrayList<Plot>();
        for (var panel : choice.panels(topology, store)) {
            fresh.add(new Plot(panel, panel.series().stream().map(s -> new DoubleDataSet(s.name())).toList()));
        }
        plots = List.copyOf(fresh);
        shown.set(plots);
        loadState = "loading the last hour…";
        loadDetail = "";
        var toLoad = plots;
        writer.execute(() -> load(current, toLoad));
    }

    /**
     * Called by the pulse with the keys that changed and whether the stream is live; queues one feed of new points
     * if a shown key is among them.
     */
    void pulse(Set<String> changedKeys, boolean live) {
        var text = plots.isEmpty() ? "" : loadState + (live ? " · live" : " · STALE: telemetry stream down");
        if (!text.equals(statusText.get())) {
            statusText.set(text);
        }
        var detail = loadDetail;
        if (!detail.equals(statusDetail.get())) {
            statusDetail.set(detail);
        }
        if (closed || changedKeys.isEmpty() || plots.isEmpty()) {
            return;
        }
        boolean shownChanged = plots.stream().flatMap(p -> p.panel().series().stream())
                .anyMatch(s -> changedKeys.contains(s.key()));
        if (shownChanged && feedQueued.compareAndSet(false, true)) {
            long current = generation.get();
            var toFeed = plots;
            writer.execute(() -> {
                feedQueued.set(false);
                feed(current, toFeed);
            });
        }
    }

    private void load(long current, List<Plot> toLoad) {
        written.clear();
        var failures = new ArrayList<String>();
        int series = toLoad.stream().mapToInt(p -> p.data().size()).sum();
        var fetched = new HashMap<String, List<TelemetrySample>>();
        for (var plot : toLoad) {
            for (int i = 0; i < plot.data().size(); i++) {
                if (generation.get() != current) {
                    return;
                }
                var one = plot.panel().series().get(i);
                if (!fetched.containsKey(one.key())) {
                    try {
                        fetched.put(one.key(), backend.telemetryHistory(one.key(), WINDOW, RESOLUTION));
                    } catch (BackendException e) {
                        failures.add(one.key() + ": " + e.getMessage());
                        fetched.put(one.key(), List.of());
                    }
                }
                fill(plot.data().get(i), one.channel(), fetched.get(one.key()));
            }
        }
        feed(current, toLoad);
        loadState = failures.isEmpty() ? "last hour loaded"
                : "no history for " + failures.size() + " of " + series + " series, showing what arrived since";
        loadDetail = String.join("\n", failures);
    }

    /** Replaces a data set's points by one channel of a history, skipping any point not newer than the last. */
    private void fill(DoubleDataSet data, int channel, List<TelemetrySample> history) {
        var xs = new double[history.size()];
        var ys = new double[history.size()];
        long last = Long.MIN_VALUE;
        int n = 0;
        for (var sample : history) {
            long t = sample.observedAt().toEpochMilli();
            if (t > last) {
                xs[n] = t / 1000.0;
                ys[n] = Channels.of(sample)[channel];
                last = t;
                n++;
            }
        }
        data.set(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
        written.put(data, last);
    }

    private void feed(long current, List<Plot> toFeed) {
        for (var plot : toFeed) {
            for (int i = 0; i < plot.data().size(); i++) {
                if (generation.get() != current) {
                    return;
                }
                var series = plot.panel().series().get(i);
                var data = plot.data().get(i);
                long after = written.getOrDefault(data, Long.MIN_VALUE);
                var points = store.history(series.key(), after);
                if (points.isEmpty()) {
                    continue;
                }
                var xs = new double[points.times().length];
                for (int p = 0; p < xs.length; p++) {
                    xs[p] = points.times()[p] / 1000.0;
                }
                data.add(xs, points.values()[series.channel()].clone());
                written.put(data, points.lastTime());
                dropBefore(data, points.lastTime() / 1000.0 - WINDOW.toSeconds());
            }
        }
    }

    private static void dropBefore(DoubleDataSet data, double oldestX) {
        int count = data.getDataCount();
        int drop = 0;
        while (drop < count && data.get(DoubleDataSet.DIM_X, drop) < oldestX) {
            drop++;
        }
        if (drop > 0) {
            data.remove(0, drop);
        }
    }

    @Override
    public void close() {
        // A last pulse may still run after this (close may come from another thread): it must find nothing to do.
        closed = true;
        generation.incrementAndGet();
        writer.shutdownNow();
    }
}
