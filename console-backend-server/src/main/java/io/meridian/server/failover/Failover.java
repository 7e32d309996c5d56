package io.meridian.server.failover;

import io.meridian.model.topology.Replica;
import io.meridian.server.access.Identities;
import io.meridian.server.audit.EntryDraft;
import io.meridian.server.platform.Platform;
import io.meridian.server.telemetry.TelemetryHub;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The failover part of a backend, assembled: workflow, detector, phase runner and the gRPC service, over one
 * platform. The detector checks every {@code detectEvery}; the owner closes it.
 */
public final class Failover implements AutoCloseable {
    private final FailoverService service;
    private final FailoverWorkflow workflow;
    private final PhaseRunner runner;
    private final FailureDetector detector;
    private final ScheduledFuture<?> detection;

    private Failover(FailoverService service, FailoverWorkflow workflow, PhaseRunner runner,
                     FailureDetector detector, ScheduledFuture<?> detection) {
        this.service = service;
        this.workflow = workflow;
        this.runner = runner;
        this.detector = detector;
        this.detection = detection;
    }

    public static Failover start(Platform platform, TelemetryHub hub, FailoverPolicy policy, Identities identities,
                                 Consumer<List<EntryDraft>> auditSink, Clock clock,
                                 ScheduledExecutorService scheduler, Duration detectEvery, Duration heartbeat) {
        var audit = new FailoverAudit(auditSink);
        var planner = new DryRunPlanner(new LagSource(hub, policy.lagFreshness()), policy);
        var workflow = new FailoverWorkflow(platform::topology, planner, policy, platform::fencingMethod, audit, clock);
        var runner = new PhaseRunner(workflow, platform, audit, clock);
        workflow.attach(runner);
        var detector = new FailureDetector(platform::topology, workflow, platform.failureConfirmation(), clock);
        var detection = scheduler.scheduleAtFixedRate(detector::check, detectEvery.toMillis(), detectEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        return new Failover(new FailoverService(workflow, identities, clock, scheduler, heartbeat), workflow, runner,
                detector, detection);
    }

    /** Tells the detector which drill declared a failed replica, so the proposals drills cause carry their id. */
    public void drillsFrom(Function<Replica, String> drillOf) {
        detector.drillsFrom(drillOf);
    }

    public FailoverService service() {
        return service;
    }

    public FailoverWorkflow workflow() {
        return workflow;
    }

    @Override
    public void close() {
        detection.cancel(false);
        runner.close();
    }
}
