package io.meridian.sim;

import io.meridian.model.session.PlatformInfo;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyDelta;
import io.meridian.server.platform.Platform;
import io.meridian.server.scenario.Scenario;
import io.meridian.server.scenario.ScenarioTopology;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A simulated platform: a scenario's topology whose health changes tick by tick, deterministic under a seed. */
public final class SimulatedPlatform implements Platform {
    private static final System.Logger LOG = System.getLogger(SimulatedPlatform.class.getName());

    private final PlatformInfo info;
    private final HealthModel model;
    private final Duration tick;
    private final Clock clock;
    private ScheduledExecutorService ticker;

    public SimulatedPlatform(Scenario scenario, long seed, Duration tick, Clock clock) {
        this.info = new PlatformInfo("simulator", "Simulated platform", true, scenario.name(), scenario.title(), seed);
        this.model = new HealthModel(ScenarioTopology.initial(scenario, clock.instant()), seed);
        this.tick = tick;
        this.clock = clock;
    }

    @Override
    public PlatformInfo info() {
        return info;
    }

    @Override
    public synchronized Topology topology() {
        return model.topology();
    }

    @Override
    public synchronized void start(Consumer<TopologyDelta> changes) {
        if (ticker != null) {
            throw new IllegalStateException("the simulated platform is already running");
        }
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("meridian-simulator").daemon().factory());
        ticker.scheduleAtFixedRate(() -> {
            try {
                changes.accept(step());
            } catch (RuntimeException e) {
                // A failed tick must not end the schedule, which would freeze the simulation without a word.
                LOG.log(System.Logger.Level.ERROR, "simulation tick failed", e);
            }
        }, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized TopologyDelta step() {
        return model.step(clock.instant());
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
