package io.meridian.sim;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.telemetry.TransactionRates;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.PlatformTargets;
import io.meridian.model.topology.Region;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The simulator's measurements, one step per tick, deterministic under a seed:
 * <ul>
 *   <li>lag per link: a floor that grows with the distance between the regions, AR(1) noise, occasional bursts
 *       that decay (floor and bursts scaled to the platform's lag SLO), injected spikes; a partitioned or
 *       disconnected link falls behind by one second per second and
 *       catches up quickly once it heals; the breaker opens past the platform's threshold and closes below half;
 *   <li>clock offset per replica: a small mean-reverting walk with rare steps that NTP slews back, plus skews;
 *   <li>workload per region: query latencies drawn from one log-normal for every region, slower when degraded or
 *       shifted (a region shifts now and then by itself, so its drift test has something to find);
 *   <li>service per region: availability over the trailing hour, latency percentiles of recent queries, and commit
 *       and rollback rates ({@link TransactionModel}), which fall with the same latency factor and stop in an
 *       outage.
 * </ul>
 */
final class TelemetryModel {
    static final int QUERIES_PER_TICK = 40;
    static final double BURST_CHANCE = 0.002;
    static final double NATURAL_SHIFT_CHANCE = 0.0004;
    static final Duration AVAILABILITY_WINDOW = Duration.ofHours(1);
    static final double WAL_BYTES_PER_SECOND = 4_000_000;

    private final SplittableRandom random;
    private final double tickSeconds;
    private final PlatformTargets targets;
    private final Faults faults;
    private final Map<String, Double> distanceKm = new HashMap<>();
    private final Map<String, double[]> lagState = new HashMap<>();
    private final Map<String, Double> replicationGap = new HashMap<>();
    private final Map<String, Boolean> breaker = new HashMap<>();
    private final Map<String, double[]> clockState = new HashMap<>();
    private final Map<String, Long> naturalShiftUntil = new HashMap<>();
    private final Map<String, boolean[]> servedRing = new HashMap<>();
    private final Map<String, Integer> servedCount = new HashMap<>();
    private final TransactionModel transactions;
    private long tick;

    TelemetryModel(Topology initial, long seed, Duration tick, Faults faults) {
        this.random = new SplittableRandom(seed ^ 0x7e1e_7e1eL);
        this.tickSeconds = tick.toNanos() / 1e9;
        this.targets = initial.targets();
        this.faults = faults;
        this.transactions = new TransactionModel(seed, tickSeconds);
    }

    /**
     * How far the target of a link was behind its source at the last tick, in seconds, not counting time the link
     * spent cut: what a promotion of the target would lose. Zero for a link never measured.
     */
    double replicationGapSeconds(String linkId) {
        return replicationGap.getOrDefault(linkId, 0.0);
    }

    long tick() {
        return tick;
    }

    double tickSeconds() {
        return tickSeconds;
    }

    /** The measurements of one tick, and each region's workload values by region id. */
    record Step(List<TelemetrySample> samples, Map<String, double[]> workload) {}

    Step step(Topology topology, Instant now) {
        tick++;
        faults.expire(tick);
        var samples = new ArrayList<TelemetrySample>();
        for (var link : topology.links()) {
            double km = distanceKm.computeIfAbsent(link.id(), id -> greatCircleKm(
                    topology.region(link.sourceRegionId()).orElseThrow(),
                    topology.region(link.targetRegionId()).orElseThrow()));
            samples.add(lag(link.id(), km, link.state(), now));
        }
        for (var cluster : topology.clusters()) {
            for (var replica : cluster.replicas()) {
                samples.add(clock(replica.id(), now));
            }
        }
        var workload = new LinkedHashMap<String, double[]>();
        for (var region : topology.regions()) {
            double factor = latencyFactor(region.id(), topology.regionHealth(region.id()));
            var values = queries(factor);
            workload.put(region.id(), values);
            var replicas = topology.replicasIn(region.id()).values().stream().flatMap(List::stream).toList();
            samples.add(service(region.id(), topology, values, transactions.step(region.id(), replicas, factor),
                    now));
        }
        return new Step(samples, workload);
    }

    private TelemetrySample.LinkLag lag(String linkId, double km, LinkState state, Instant now) {
        // Scaled to the platform's SLO: a trading platform with a 100 ms SLO replicates in milliseconds, a regional
        // database with a 30 s SLO in seconds; distance adds to both.
        double slo = targets.lagSloP95().toNanos() / 1e9;
        double floor = slo * (0.005 + 0.01 * km / 1000.0);
        // state: [noise, burst, backlog]
        var s = lagState.computeIfAbsent(linkId, id -> new double[3]);
        s[0] = 0.8 * s[0] + random.nextGaussian() * 0.15 * floor;
        if (random.nextDouble() < BURST_CHANCE * tickSeconds) {
            s[1] += -Math.log(1 - random.nextDouble()) * 0.4 * slo;
        }
        s[1] *= Math.pow(0.85, tickSeconds);
        boolean cut = state == LinkState.DISCONNECTED || faults.find(Faults.Kind.PARTITION, linkId) != null;
        if (cut) {
            s[2] += tickSeconds;
        } else {
            // Catching up replays several seconds of backlog per second.
            s[2] = Math.max(0, s[2] - 5 * tickSeconds);
        }
        boolean wasCut = s[2] > 0 && cut;
        if (!wasCut) {
            replicationGap.put(linkId, floor + Math.abs(s[0]) + s[1]);
        }
        double lag = floor + Math.abs(s[0]) + s[1] + s[2];
        if (state == LinkState.CATCHING_UP) {
            lag *= 1.4;
        }
        var spike = faults.find(Faults.Kind.LAG_SPIKE, linkId);
        if (spike != null) {
            double ramp = Math.min(1, (tick - spike.startTick()) * tickSeconds / 3.0);
            lag += spike.magnitude() * ramp;
        }
        double threshold = targets.lagBreaker().toNanos() / 1e9;
        boolean open = breaker.getOrDefault(linkId, false) ? lag > threshold / 2 : lag > threshold;
        breaker.put(linkId, open);
        return new TelemetrySample.LinkLag(linkId, now, lag, Math.round(lag * WAL_BYTES_PER_SECOND), open);
    }

    private TelemetrySample.ClockOffset clock(String replicaId, Instant now) {
        // state: [walk, step]
        var s = clockState.computeIfAbsent(replicaId, id -> new double[2]);
        double max = targets.clockOffsetMaxMicros();
        s[0] = 0.9 * s[0] + random.nextGaussian() * 0.06 * max;
        if (random.nextDouble() < 0.0001 * tickSeconds) {
            s[1] += (random.nextBoolean() ? 1 : -1) * (1 + 2 * random.nextDouble()) * max;
        }
        s[1] *= Math.pow(0.97, tickSeconds);
        var skew = faults.find(Faults.Kind.CLOCK_SKEW, replicaId);
        double offset = s[0] + s[1] + (skew == null ? 0 : skew.magnitude());
        return new TelemetrySample.ClockOffset(replicaId, now, offset, 0.05 * max);
    }

    /** How much slower than usual the region's queries run this tick: shifts (natural or injected), degradation. */
    private double latencyFactor(String regionId, Health health) {
        if (random.nextDouble() < NATURAL_SHIFT_CHANCE * tickSeconds) {
            naturalShiftUntil.put(regionId, tick + Math.round(180 / tickSeconds));
        }
        double factor = naturalShiftUntil.getOrDefault(regionId, 0L) > tick ? 1.6 : 1.0;
        var shift = faults.find(Faults.Kind.WORKLOAD_SHIFT, regionId);
        if (shift != null) {
            factor *= shift.magnitude();
        }
        if (health == Health.DEGRADED) {
            factor *= 1.25;
        }
        return factor;
    }

    private double[] queries(double factor) {
        double median = targets.latencyP50().toNanos() / 1e6 * 0.6;
        var values = new double[QUERIES_PER_TICK];
        for (int i = 0; i < values.length; i++) {
            values[i] = median * factor * Math.exp(0.45 * random.nextGaussian());
        }
        return values;
    }

    private TelemetrySample.RegionService service(String regionId, Topology topology, double[] latencies,
                                                  TransactionRates rates, Instant now) {
        boolean served = topology.clusters().stream().flatMap(c -> c.replicas().stream())
                .filter(r -> r.regionId().equals(regionId) && r.role() == ReplicaRole.PRIMARY)
                .noneMatch(r -> r.health() == Health.FAILED);
        int window = (int) Math.max(1, Math.round(AVAILABILITY_WINDOW.toSeconds() / tickSeconds));
        var ring = servedRing.computeIfAbsent(regionId, id -> new boolean[window]);
        int count = servedCount.merge(regionId, 1, Integer::sum);
        ring[(int) ((count - 1) % window)] = served;
        int filled = Math.min(count, window);
        int up = 0;
        for (int i = 0; i < filled; i++) {
            up += ring[i] ? 1 : 0;
        }
        var sorted = Arrays.copyOf(latencies, latencies.length);
        Arrays.sort(sorted);
        return new TelemetrySample.RegionService(regionId, now, 100.0 * up / filled,
                Duration.ofMillis(Math.round(filled * tickSeconds * 1000)),
                percentile(sorted, 0.50), percentile(sorted, 0.95), Optional.of(rates));
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    static double greatCircleKm(Region a, Region b) {
        double lat1 = Math.toRadians(a.location().latitude());
        double lat2 = Math.toRadians(b.location().latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.location().longitude() - a.location().longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
