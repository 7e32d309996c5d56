package io.meridian.server;

import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerMethodDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.meridian.api.v1.AuditServiceGrpc;
import io.meridian.api.v1.DrillServiceGrpc;
import io.meridian.api.v1.FailoverServiceGrpc;
import io.meridian.api.v1.SessionServiceGrpc;
import io.meridian.api.v1.TelemetryServiceGrpc;
import io.meridian.api.v1.TopologyServiceGrpc;
import io.meridian.model.session.ApiVersion;
import io.meridian.model.session.Caller;
import io.meridian.model.session.MeridianVersion;
import io.meridian.model.session.Role;
import io.meridian.model.session.ServerIdentity;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.TopologyDelta;
import io.meridian.server.access.AccessPolicy;
import io.meridian.server.access.CallerInterceptor;
import io.meridian.server.access.MethodRoles;
import io.meridian.server.access.RoleInterceptor;
import io.meridian.server.audit.AuditService;
import io.meridian.server.audit.BackendAudit;
import io.meridian.server.audit.EntryDraft;
import io.meridian.server.drill.DrillService;
import io.meridian.server.drill.Drills;
import io.meridian.server.failover.Failover;
import io.meridian.server.failover.FailoverPolicy;
import io.meridian.server.failover.FailoverWorkflow;
import io.meridian.server.platform.Platform;
import io.meridian.server.platform.PlatformObserver;
import io.meridian.server.session.SessionService;
import io.meridian.server.telemetry.DriftAnalyzer;
import io.meridian.server.telemetry.TelemetryHub;
import io.meridian.server.telemetry.TelemetryService;
import io.meridian.server.topology.TopologyJournal;
import io.meridian.server.topology.TopologyService;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Meridian backend: the meridian.v1 services, gRPC health and reflection, over one {@link Platform}. It takes a
 * {@link ServerBuilder} so tests pass an in-process one and launchers choose the address and transport security.
 * It owns the platform and closes it.
 */
public final class BackendServer implements AutoCloseable {
    public static final String NAME = "meridian-backend";
    /** How many topology deltas a reconnecting console can catch up on without a snapshot. */
    static final int RETAINED_DELTAS = 4096;
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** How often the failover detector looks at the primaries. */
    static final Duration DETECT_EVERY = Duration.ofMillis(250);
    /** An hour of history per telemetry key at one sample per second. */
    static final int HISTORY_PER_KEY = 3600;
    /** Workload values per region the drift test looks at, and how often it runs. */
    static final int DRIFT_WINDOW = 600;
    static final int DRIFT_REFERENCE = 5000;
    static final double DRIFT_ALPHA = 0.001;
    static final Duration DRIFT_EVERY = Duration.ofSeconds(5);
    /** A caller who presents no identity is a viewer: nothing can be changed without an identity. */
    static final Caller ANONYMOUS = new Caller("anonymous", Set.of(Role.VIEWER), "none");

    private static final System.Logger LOG = System.getLogger(BackendServer.class.getName());

    private final Server server;
    private final Platform platform;
    private final ScheduledExecutorService scheduler;
    private final TopologyService topology;
    private final TelemetryService telemetry;
    private final HealthStatusManager health;
    private final ServerIdentity identity;
    private final BackendAudit audit;
    private final Failover failover;
    private final Drills drills;

    private BackendServer(Server server, Platform platform, ScheduledExecutorService scheduler,
                          TopologyService topology, TelemetryService telemetry, HealthStatusManager health,
                          ServerIdentity identity, BackendAudit audit, Failover failover, Drills drills) {
        this.server = server;
        this.platform = platform;
        this.scheduler = scheduler;
        this.topology = topology;
        this.telemetry = telemetry;
        this.health = health;
        this.identity = identity;
        this.audit = audit;
        this.failover = failover;
        this.drills = drills;
    }

    /** The failover workflow, for in-process callers such as drills. */
    public FailoverWorkflow failover() {
        return failover.workflow();
    }

    /** The drills of this backend, for in-process callers (and to keep their records on disk). */
    public Drills drills() {
        return drills;
    }

    /** Builds the services, starts observing the platform and starts serving; IOException when it cannot bind. */
    public static BackendServer start(ServerBuilder<?> builder, Platform platform, Clock clock) throws IOException {
        return start(builder, platform, clock, List.of(), null, AccessPolicy.anonymousOnly());
    }

    /**
     * As {@link #start(ServerBuilder, Platform, Clock)}, with services only this platform offers (the simulator's
     * fault injection), the audit log served (AuditService), fed by its source and checkpointed at its interval
     * ({@code audit} may be null for a backend without one), and callers authenticated by {@code access}; failovers
     * follow the default policy.
     */
    public static BackendServer start(ServerBuilder<?> builder, Platform platform, Clock clock,
                                      List<BindableService> platformServices, BackendAudit audit,
                                      AccessPolicy access) throws IOException {
        return start(builder, platform, clock, platformServices, audit, FailoverPolicy.DEFAULT, access);
    }

    /**
     * As {@link #start(ServerBuilder, Platform, Clock, List, BackendAudit, AccessPolicy)}, with failovers following
     * {@code failoverPolicy}, decided by the people {@code access} knows. Every call of every service (health,
     * reflection and the platform's own included) passes the caller interceptor and then the role check of
     * {@link MethodRoles#standard()}, which denies what it does not list.
     */
    public static BackendServer start(ServerBuilder<?> builder, Platform platform, Clock clock,
                                      List<BindableService> platformServices, BackendAudit audit,
                                      FailoverPolicy failoverPolicy, AccessPolicy access) throws IOException {
        var identity = new ServerIdentity(NAME, MeridianVersion.current(), ApiVersion.MAJOR, ApiVersion.MINOR,
                UUID.randomUUID().toString(), clock.instant());
        var scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("meridian-streams").daemon().factory());
        var journal = new TopologyJournal(platform.topology(), RETAINED_DELTAS, clock);
        var topology = new TopologyService(journal, clock, scheduler, HEARTBEAT);
        var hub = new TelemetryHub(HISTORY_PER_KEY);
        var telemetry = new TelemetryService(hub, clock, scheduler);
        var drift = new DriftAnalyzer(DRIFT_WINDOW, DRIFT_REFERENCE, DRIFT_ALPHA, "query latency (ms)");
        var health = new HealthStatusManager();
        var failover = Failover.start(platform, hub, failoverPolicy, access.identities(),
                drafts -> appendAudit(audit, drafts), clock, scheduler, DETECT_EVERY, HEARTBEAT);
        var drills = new Drills(platform, failover.workflow(), hub, audit == null ? null : audit.log(),
                access.identities(), failoverPolicy.expectedExecution(), clock, System::nanoTime);
        failover.drillsFrom(drills::drillOf);
        // Server-wide interceptors run in reverse order of addition: the caller first, then the role check.
        builder.intercept(new RoleInterceptor(MethodRoles.standard()))
                .intercept(new CallerInterceptor(ANONYMOUS, access));
        builder.addService(new SessionService(identity, platform.info(), access.demoIdentities(), clock))
                .addService(topology)
                .addService(telemetry)
                .addService(failover.service())
                .addService(new DrillService(drills, clock, scheduler, HEARTBEAT))
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance());
        platformServices.forEach(builder::addService);
        if (audit != null) {
            builder.addService(new AuditService(audit.log(), audit.checkpointKeys(), audit.regionSigners()));
        }
        var server = builder.build();
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            drills.close();
            failover.close();
            scheduler.shutdownNow();
            platform.close();
            closeAudit(audit);
            throw e;
        }
        platform.start(new PlatformObserver() {
            @Override
            public void topologyChanged(TopologyDelta delta) {
                journal.append(delta);
            }

            @Override
            public void measured(List<TelemetrySample> samples) {
                hub.accept(samples);
            }

            @Override
            public void workload(String regionId, double[] values) {
                drift.add(regionId, values);
            }
        });
        scheduler.scheduleAtFixedRate(() -> hub.accept(drift.analyze(clock.instant())), DRIFT_EVERY.toMillis(),
                DRIFT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        health.setStatus("", ServingStatus.SERVING);
        for (var service : List.of(SessionServiceGrpc.SERVICE_NAME, TopologyServiceGrpc.SERVICE_NAME,
                TelemetryServiceGrpc.SERVICE_NAME, FailoverServiceGrpc.SERVICE_NAME, DrillServiceGrpc.SERVICE_NAME)) {
            health.setStatus(service, ServingStatus.SERVING);
        }
        if (audit != null) {
            startAudit(audit, scheduler);
            health.setStatus(AuditServiceGrpc.SERVICE_NAME, ServingStatus.SERVING);
        }
        return new BackendServer(server, platform, scheduler, topology, telemetry, health, identity, audit, failover,
                drills);
    }

    private static void startAudit(BackendAudit audit, ScheduledExecutorService scheduler) {
        long interval = audit.checkpointInterval().toMillis();
        scheduler.scheduleAtFixedRate(() -> {
            try {
                audit.log().publishCheckpoint();
            } catch (RuntimeException e) {
                // A failed checkpoint must not end the schedule: the next one covers the same entries.
                LOG.log(System.Logger.Level.ERROR, "signing an audit checkpoint failed", e);
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
        audit.source().start(drafts -> appendAudit(audit, drafts));
    }

    private static void appendAudit(BackendAudit audit, List<EntryDraft> drafts) {
        if (audit == null) {
            return;
        }
        try {
            audit.log().append(drafts);
        } catch (IOException | RuntimeException e) {
            // The actions happened; losing their record silently would be worse than saying so loudly.
            LOG.log(System.Logger.Level.ERROR, "appending " + drafts.size() + " audit entries failed", e);
        }
    }

    private static void closeAudit(BackendAudit audit) {
        if (audit == null) {
            return;
        }
        try {
            audit.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "closing the audit log failed", e);
        }
    }

    /** The port bound, the real one when started on port 0; -1 in process. */
    public int port() {
        return server.getPort();
    }

    public ServerIdentity identity() {
        return identity;
    }

    /** Every method this server serves, of every service; the access table must know each of them. */
    public List<MethodDescriptor<?, ?>> methods() {
        return server.getServices().stream()
                .flatMap(service -> service.getMethods().stream().map(ServerMethodDefinition::getMethodDescriptor))
                .<MethodDescriptor<?, ?>>map(method -> method)
                .toList();
    }

    /** Blocks until the server terminates. */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    /** Stops serving: ends watches cleanly, waits up to five seconds for calls in flight, then cancels the rest. */
    @Override
    public void close() {
        health.enterTerminalState();
        topology.completeAll();
        telemetry.completeAll();
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
                server.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            drills.close();
            failover.close();
            scheduler.shutdownNow();
            platform.close();
            closeAudit(audit);
        }
    }
}
