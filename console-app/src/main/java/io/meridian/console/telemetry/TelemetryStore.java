package io.meridian.console.telemetry;

import io.meridian.client.StreamStatus;
import io.meridian.client.TelemetryWatch;
import io.meridian.model.telemetry.SampleCheck;
import io.meridian.model.telemetry.TelemetryBatch;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the telemetry stream (on a gRPC thread) leaves its figures for the FX thread: the latest figure per key, a
 * bounded one-per-second history per key, and the keys changed since the FX thread last looked. A figure that is
 * implausible, or about a link, replica or region the current topology lacks, is not applied: it becomes an
 * {@link Anomaly} instead. A snapshot replaces every figure. However fast samples arrive, the FX thread takes what
 * changed once per pulse with {@link #drain()}.
 */
public final class TelemetryStore implements TelemetryWatch.Listener {
    /** One hour at one point per second. */
    public static final int HISTORY_POINTS = 3600;
    static final int MAX_ANOMALY_KEYS = 500;

    private final Clock clock;
    private final Supplier<Topology> topology;
    private final int historyPoints;
    private final Object lock = new Object();
    private final Map<String, Figure> latest = new HashMap<>();
    private final Map<String, HistoryRing> history = new HashMap<>();
    private Map<String, Figure> changed = new HashMap<>();
    private final Map<String, Anomaly> anomalies = new LinkedHashMap<>();
    private Map<String, Anomaly> changedAnomalies = new LinkedHashMap<>();
    private boolean replaced;
    private boolean dirty;
    private StreamStatus status = new StreamStatus.Connecting(1);
    private KnownIds known;

    /** {@code topology} gives the current topology (null before the first), against which sample ids are checked. */
    public TelemetryStore(Clock clock, Supplier<Topology> topology, int historyPoints) {
        this.clock = clock;
        this.topology = topology;
        this.historyPoints = historyPoints;
    }

    @Override
    public void onBatch(TelemetryBatch batch) {
        var receivedAt = clock.instant();
        var ids = knownIds();
        synchronized (lock) {
            if (batch.snapshot()) {
                latest.clear();
                changed.clear();
                replaced = true;
                var keep = new HashMap<String, HistoryRing>();
                batch.samples().forEach(s -> {
                    var ring = history.get(s.key());
                    if (ring != null) {
                        keep.put(s.key(), ring);
                    }
                });
                history.clear();
                history.putAll(keep);
            }
            for (var sample : batch.samples()) {
                apply(sample, batch.time(), receivedAt, ids);
            }
            dirty = true;
        }
    }

    private void apply(TelemetrySample sample, Instant sentAt, Instant receivedAt, KnownIds ids) {
        var problem = SampleCheck.problem(sample).or(() -> ids == null ? Optional.empty()
                : ids.unknown(sample));
        if (problem.isPresent()) {
            recordAnomaly(sample.key(), problem.get(), receivedAt);
            return;
        }
        var oldAtSend = Duration.between(sample.observedAt(), sentAt);
        var figure = new Figure(sample, receivedAt.minus(oldAtSend.isNegative() ? Duration.ZERO : oldAtSend));
        latest.put(sample.key(), figure);
        changed.put(sample.key(), figure);
        var point = Channels.of(sample);
        history.computeIfAbsent(sample.key(), k -> new HistoryRing(historyPoints, point.length))
                .add(sample.observedAt().toEpochMilli(), point);
    }

    private void recordAnomaly(String key, String what, Instant at) {
        var previous = anomalies.get(key);
        if (previous == null && anomalies.size() >= MAX_ANOMALY_KEYS) {
            return;
        }
        var anomaly = previous == null ? new Anomaly(key, what, at, at, 1) : previous.again(what, at);
        anomalies.put(key, anomaly);
        changedAnomalies.put(key, anomaly);
    }

    private KnownIds knownIds() {
        var current = topology.get();
        if (current == null) {
            return null;
        }
        var ids = known;
        if (ids == null || !ids.isFor(current)) {
            ids = new KnownIds(current);
            known = ids;
        }
        return ids;
    }

    @Override
    public void onStatus(StreamStatus newStatus) {
        synchronized (lock) {
            status = newStatus;
            dirty = true;
        }
    }

    /** Whether anything arrived since the last {@link #drain()}. */
    public boolean isDirty() {
        synchronized (lock) {
            return dirty;
        }
    }

    /** Takes what changed since the last call. */
    public Changes drain() {
        synchronized (lock) {
            var result = new Changes(replaced, changed, List.copyOf(changedAnomalies.values()), status);
            changed = new HashMap<>();
            changedAnomalies = new LinkedHashMap<>();
            replaced = false;
            dirty = false;
            return result;
        }
    }

    /** The current figure of a key, if any. */
    public Optional<Figure> latest(String key) {
        synchronized (lock) {
            return Optional.ofNullable(latest.get(key));
        }
    }

    /** The history of a key after {@code afterEpochMillis}, oldest first; empty for an unknown key. */
    HistoryRing.Points history(String key, long afterEpochMillis) {
        synchronized (lock) {
            var ring = history.get(key);
            return ring == null ? HistoryRing.Points.EMPTY : ring.since(afterEpochMillis);
        }
    }

    /**
     * What changed between two drains. When {@code replaced}, a snapshot arrived: {@code figures} then holds every
     * current figure and any figure not in it is gone.
     */
    public record Changes(boolean replaced, Map<String, Figure> figures, List<Anomaly> anomalies,
                          StreamStatus status) {
    }
}
