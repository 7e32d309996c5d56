package io.meridian.postgres.observe;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyDelta;
import io.meridian.postgres.connect.Connector;
import io.meridian.postgres.connect.Server;
import io.meridian.server.platform.PlatformObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Observes every server once per interval. Each server is probed on its own virtual thread, so a server that hangs
 * costs only its own probe: it counts as missed while the others are reported on time. One platform thread then
 * assembles the topology, reports what changed, the samples and the workload, in order.
 */
public final class ObservationLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ObservationLoop.class.getName());
    /** Part of the interval the tick waits for probes; the rest is left for assembling and reporting. */
    private static final double PROBE_SHARE = 0.8;

    private final Duration interval;
    private final Clock clock;
    private final TopologyAssembler assembler;
    private final Map<String, ServerState> states = new LinkedHashMap<>();
    private final Map<String, ServerProbe> probes = new LinkedHashMap<>();
    private final Map<String, Future<ServerStatus>> running = new HashMap<>();
    private final Map<String, StatementCounters> counters = new HashMap<>();
    private final List<StatementListener> statementListeners = new CopyOnWriteArrayList<>();
    private final ExecutorService probeThreads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("meridian-pg-probe-", 0).factory());
    /** Availability and latency over the last five minutes, the simulator's window too. */
    private final RegionServiceWindow service = new RegionServiceWindow(Duration.ofMinutes(5));
    private final RegionTransactions transactions = new RegionTransactions();
    private final Duration firstWait;
    private boolean first = true;
    private ScheduledExecutorService ticker;
    private volatile Topology topology;
    private volatile Map<String, ServerStatus> latest = Map.of();
    private final Map<String, ServerStatus> lastObserved = new java.util.concurrent.ConcurrentHashMap<>();

    public ObservationLoop(List<Server> servers, Map<String, String> initialUpstreams, Connector connector,
                           Topology initial, Duration interval, int missedLimit, Duration connectTimeout,
                           Clock clock) {
        this.interval = interval;
        // The first probe also loads the driver and logs in from cold: give it the connect timeout, not the
        // interval, so that a healthy platform does not start with a missed probe everywhere.
        this.firstWait = connectTimeout.plusMillis(500);
        this.clock = clock;
        this.topology = initial;
        this.assembler = new TopologyAssembler(missedLimit);
        var now = clock.instant();
        // An hour of positions at most: enough for any lag worth a number rather than "broken".
        var retention = Duration.ofHours(1);
        for (var server : servers) {
            states.put(server.replicaId(), new ServerState(server, initialUpstreams.get(server.replicaId()), now,
                    retention));
            probes.put(server.replicaId(), new ServerProbe(server, connector, clock));
            counters.put(server.replicaId(), new StatementCounters());
        }
    }

    public Topology topology() {
        return topology;
    }

    /** The latest probe of each server, by replica id; the actions read positions and roles from it. */
    public Map<String, ServerStatus> latest() {
        return latest;
    }

    /** The last position read from a server (a lost primary's last known WAL position), or -1. */
    public long lastPosition(String replicaId) {
        var observed = lastObserved.get(replicaId);
        return observed == null ? ServerStatus.NONE : observed.position();
    }

    /** How long ago a server first held WAL beyond {@code lsn}, from the positions observed. */
    public Duration unreplayedAge(String replicaId, long lsn) {
        return states.get(replicaId).history.unreplayedAge(lsn, clock.instant());
    }

    public void addStatementListener(StatementListener listener) {
        statementListeners.add(listener);
    }

    public synchronized void start(PlatformObserver observer) {
        if (ticker != null) {
            throw new IllegalStateException("the PostgreSQL observer is already running");
        }
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("meridian-pg-observe")
                .daemon().factory());
        ticker.scheduleAtFixedRate(() -> {
            try {
                tick(observer);
            } catch (RuntimeException e) {
                // One bad tick must not end the schedule, which would freeze every region without a word.
                LOG.log(System.Logger.Level.ERROR, "PostgreSQL observation tick failed", e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick(PlatformObserver observer) {
        long wait = first ? Math.max(firstWait.toNanos(), (long) (interval.toNanos() * PROBE_SHARE))
                : (long) (interval.toNanos() * PROBE_SHARE);
        first = false;
        long deadline = System.nanoTime() + wait;
        probes.forEach((id, probe) -> running.computeIfAbsent(id, k -> probeThreads.submit(probe::probe)));
        var now = clock.instant();
        var statuses = new HashMap<String, ServerStatus>();
        for (var entry : states.entrySet()) {
            var id = entry.getKey();
            var state = entry.getValue();
            var status = collect(id, state.server, deadline);
            state.record(status);
            service.probed(state.server.regionId(), now, status.observed());
            if (status.observed()) {
                lastObserved.put(id, status);
            }
            statuses.put(id, status);
            logChange(state, status);
        }
        latest = Map.copyOf(statuses);
        var result = assembler.assemble(topology, states, now);
        var delta = diff(topology, result.topology());
        topology = result.topology();
        if (!delta.isEmpty()) {
            observer.topologyChanged(delta);
        }
        var latencies = reportStatements(observer, statuses);
        latencies.forEach((region, values) -> service.latencies(region, now, values));
        var rates = transactions.next(states, statuses);
        var samples = new ArrayList<>(result.samples());
        topology.regions().forEach(region -> samples.add(service.sample(region.id(), now,
                rates.getOrDefault(region.id(), Optional.empty()))));
        observer.measured(samples);
    }

    private ServerStatus collect(String id, Server server, long deadline) {
        var future = running.get(id);
        try {
            var status = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            running.remove(id);
            return status;
        } catch (TimeoutException e) {
            // Still running: it answers late or never; either way this tick missed it.
            return ServerStatus.failed(clock.instant(), server.where() + ": no answer within "
                    + interval.toMillis() + " ms", true);
        } catch (ExecutionException e) {
            running.remove(id);
            return ServerStatus.failed(clock.instant(), server.where() + ": probe failed ("
                    + e.getCause().getClass().getSimpleName() + ")", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ServerStatus.failed(clock.instant(), server.where() + ": observer stopping", true);
        }
    }

    /** Reports each region's statement latencies as workload, and returns them. */
    private Map<String, double[]> reportStatements(PlatformObserver observer, Map<String, ServerStatus> statuses) {
        var latencies = new LinkedHashMap<String, List<Double>>();
        statuses.forEach((id, status) -> {
            if (!status.observed() || !status.statementsInstalled()) {
                return;
            }
            var server = states.get(id).server;
            var deltas = counters.get(id).next(status.statements());
            if (deltas.isEmpty()) {
                return;
            }
            var values = latencies.computeIfAbsent(server.regionId(), k -> new ArrayList<>());
            deltas.forEach(d -> values.add(d.meanMillis()));
            statementListeners.forEach(l -> l.executed(server, status.observedAt(), deltas));
        });
        var reported = new LinkedHashMap<String, double[]>();
        latencies.forEach((region, values) -> {
            var array = values.stream().mapToDouble(Double::doubleValue).toArray();
            observer.workload(region, array);
            reported.put(region, array);
        });
        return reported;
    }

    private static void logChange(ServerState state, ServerStatus status) {
        var previous = state.lastLogged;
        var now = status.observed() ? null : status.error();
        if (!Objects.equals(previous, now)) {
            if (now != null) {
                LOG.log(System.Logger.Level.WARNING, now);
            } else {
                LOG.log(System.Logger.Level.INFO, state.server.where() + ": observed again");
            }
            state.lastLogged = now;
        }
    }

    /** What changed between two assembled topologies: replaced clusters and links, removed links. */
    static TopologyDelta diff(Topology before, Topology after) {
        var clusters = new ArrayList<Cluster>();
        for (var cluster : after.clusters()) {
            if (!before.clusters().contains(cluster)) {
                clusters.add(cluster);
            }
        }
        var links = new ArrayList<ReplicationLink>();
        for (var link : after.links()) {
            if (!before.links().contains(link)) {
                links.add(link);
            }
        }
        var afterIds = after.links().stream().map(ReplicationLink::id).toList();
        var removed = before.links().stream().map(ReplicationLink::id).filter(id -> !afterIds.contains(id)).toList();
        return new TopologyDelta(List.of(), clusters, links, List.of(), List.of(), removed);
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        probeThreads.shutdownNow();
        probes.values().forEach(ServerProbe::close);
    }
}
