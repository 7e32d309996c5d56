package io.meridian.sim;

import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.session.PlatformInfo;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.Topology;
import io.meridian.server.platform.DrillFaults;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PhaseResult;
import io.meridian.server.platform.Platform;
import io.meridian.server.platform.PlatformActionException;
import io.meridian.server.platform.PlatformObserver;
import io.meridian.server.scenario.Scenario;
import io.meridian.server.scenario.ScenarioTopology;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A simulated platform: a scenario's topology whose health, lag, clocks and workload change tick by tick,
 * deterministic under a seed, with faults injected on demand. At a speed above 1 each tick of {@code tick} platform
 * time takes {@code tick / speed} of real time; the clock given must then run {@code speed} times faster too
 * ({@link ScaledClock}), so that everything the backend timestamps agrees with the simulation.
 */
public final class SimulatedPlatform implements Platform {
    private static final System.Logger LOG = System.getLogger(SimulatedPlatform.class.getName());

    private final PlatformInfo info;
    private final HealthModel health;
    private final TelemetryModel telemetry;
    private final Faults faults = new Faults();
    /** How many ticks each phase takes in the simulation, as on a platform a few seconds away. */
    private static final Map<ExecutionPhase, Integer> PHASE_TICKS = Map.of(ExecutionPhase.FENCE, 2,
            ExecutionPhase.PROMOTE, 3, ExecutionPhase.REROUTE, 2, ExecutionPhase.VERIFY_HEALTH, 2,
            ExecutionPhase.CHECK_CONSISTENCY, 1);
    private static final int CONFIRMATION_TICKS = 3;

    private final SimulatedFailover failover;
    private final Duration tick;
    /** Real time per tick: {@code tick / speed}. */
    private final Duration realTick;
    private final Clock clock;
    private final SimulatedDrillFaults drillFaults;
    private ScheduledExecutorService ticker;
    private PlatformObserver observer;

    public SimulatedPlatform(Scenario scenario, long seed, Duration tick, Clock clock) {
        this(scenario, seed, tick, clock, 1);
    }

    /** As above, {@code speed} times faster than real time (1 to {@link ScaledClock#MAX_SPEED}). */
    public SimulatedPlatform(Scenario scenario, long seed, Duration tick, Clock clock, double speed) {
        this.info = new PlatformInfo("simulator", "Simulated platform", true, scenario.name(), scenario.title(), seed);
        var initial = ScenarioTopology.initial(scenario, clock.instant());
        this.health = new HealthModel(initial, seed);
        this.telemetry = new TelemetryModel(initial, seed, tick, faults);
        this.failover = new SimulatedFailover(health, telemetry, faults);
        this.tick = tick;
        this.realTick = ScaledClock.realTime(tick, speed);
        this.clock = clock;
        this.drillFaults = new SimulatedDrillFaults(this::topology, this::addUntil, faults);
    }

    @Override
    public PlatformInfo info() {
        return info;
    }

    @Override
    public synchronized Topology topology() {
        return health.topology();
    }

    @Override
    public synchronized void start(PlatformObserver observer) {
        if (ticker != null) {
            throw new IllegalStateException("the simulated platform is already running");
        }
        this.observer = observer;
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("meridian-simulator").daemon().factory());
        ticker.scheduleAtFixedRate(() -> {
            try {
                step(observer);
            } catch (RuntimeException e) {
                // A failed tick must not end the schedule, which would freeze the simulation without a word.
                LOG.log(System.Logger.Level.ERROR, "simulation tick failed", e);
            }
        }, realTick.toNanos(), realTick.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void step(PlatformObserver observer) {
        var now = clock.instant();
        observer.topologyChanged(health.step(now,
                linkId -> faults.find(Faults.Kind.PARTITION, linkId) != null, this::injectedFailure));
        var measured = telemetry.step(health.topology(), now);
        observer.measured(measured.samples());
        measured.workload().forEach(observer::workload);
    }

    /** The cause of an injected failure of a replica (its crash or its region's outage), or null. */
    private String injectedFailure(Replica replica) {
        if (faults.find(Faults.Kind.REGION_OUTAGE, replica.regionId()) != null) {
            return "region outage (injected): missed 3 heartbeats";
        }
        if (faults.find(Faults.Kind.REPLICA_CRASH, replica.id()) != null) {
            return "crashed (injected): missed 3 heartbeats";
        }
        return null;
    }

    /** A primary failing for blips of a tick or two is not lost: wait three ticks before proposing a failover. */
    @Override
    public Duration failureConfirmation() {
        return tick.multipliedBy(CONFIRMATION_TICKS);
    }

    /** The simulated provider can always stop an instance, even one whose host does not answer. */
    @Override
    public synchronized Optional<String> fencingMethod(Replica oldPrimary) {
        return Optional.of(injectedFailure(oldPrimary) != null ? "stop through the provider's API (host unreachable)"
                : "set read-only and end its sessions");
    }

    @Override
    public PhaseResult execute(ExecutionPhase phase, FailoverPlan plan) throws PlatformActionException {
        sleepTicks(PHASE_TICKS.get(phase));
        synchronized (this) {
            var result = failover.run(phase, plan, clock.instant());
            result.delta().ifPresent(observer::topologyChanged);
            return result.phase();
        }
    }

    private void sleepTicks(int ticks) throws PlatformActionException {
        try {
            Thread.sleep(realTick.multipliedBy(ticks));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformActionException("interrupted while the simulated platform carried out the phase");
        }
    }

    /** Injects a fault lasting {@code duration}; returns its description. */
    synchronized String inject(Faults.Kind kind, String target, double magnitude, Duration duration) {
        long ticks = Math.max(1, Math.round(duration.toNanos() / (double) tick.toNanos()));
        var fault = new Faults.Fault(kind, target, magnitude, telemetry.tick(), telemetry.tick() + ticks);
        faults.add(fault);
        return fault.describe(telemetry.tickSeconds());
    }

    private synchronized Faults.Fault addUntil(Faults.Kind kind, String target, double magnitude, long ticks) {
        var fault = new Faults.Fault(kind, target, magnitude, telemetry.tick(), telemetry.tick() + ticks);
        faults.add(fault);
        return fault;
    }

    @Override
    public Optional<DrillFaults> drillFaults() {
        return Optional.of(drillFaults);
    }

    synchronized int activeFaults() {
        return faults.size();
    }

    synchronized void clearFaults() {
        faults.clear();
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
