package io.meridian.postgres.harness;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyDelta;
import io.meridian.server.platform.PlatformObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Keeps what a platform reported: the topology with every delta applied, the latest sample per key, every region
 * service sample in order, workload.
 */
public final class RecordingObserver implements PlatformObserver {
    private Topology topology;
    private final Map<String, TelemetrySample> latest = new HashMap<>();
    private final Map<String, List<Double>> workload = new HashMap<>();
    private final Map<String, List<TelemetrySample.RegionService>> services = new HashMap<>();

    public RecordingObserver(Topology initial) {
        this.topology = initial;
    }

    @Override
    public synchronized void topologyChanged(TopologyDelta delta) {
        topology = topology.apply(delta);
        notifyAll();
    }

    @Override
    public synchronized void measured(List<TelemetrySample> samples) {
        samples.forEach(s -> {
            latest.put(s.key(), s);
            if (s instanceof TelemetrySample.RegionService service) {
                services.computeIfAbsent(service.regionId(), k -> new ArrayList<>()).add(service);
            }
        });
        notifyAll();
    }

    @Override
    public synchronized void workload(String regionId, double[] values) {
        var list = workload.computeIfAbsent(regionId, k -> new ArrayList<>());
        for (double v : values) {
            list.add(v);
        }
        notifyAll();
    }

    public synchronized Topology topology() {
        return topology;
    }

    public synchronized Optional<TelemetrySample.LinkLag> lag(String linkId) {
        return Optional.ofNullable((TelemetrySample.LinkLag) latest.get(TelemetrySample.LinkLag.keyOf(linkId)));
    }

    public synchronized Optional<TelemetrySample.ClockOffset> clock(String replicaId) {
        return Optional.ofNullable((TelemetrySample.ClockOffset) latest.get(
                TelemetrySample.ClockOffset.keyOf(replicaId)));
    }

    public synchronized Optional<TelemetrySample.RegionService> service(String regionId) {
        return Optional.ofNullable((TelemetrySample.RegionService) latest.get(
                TelemetrySample.RegionService.keyOf(regionId)));
    }

    /** Every service sample of a region so far, oldest first. */
    public synchronized List<TelemetrySample.RegionService> services(String regionId) {
        return List.copyOf(services.getOrDefault(regionId, List.of()));
    }

    public synchronized List<Double> workload(String regionId) {
        return List.copyOf(workload.getOrDefault(regionId, List.of()));
    }

    /** Waits until {@code condition} holds for what was reported; fails with {@code what} and the last state. */
    public synchronized void await(String what, Duration timeout, Predicate<RecordingObserver> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + what + "; topology: " + topology.clusters()
                        + " links: " + topology.links() + " samples: " + latest.values());
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
