package io.meridian.benchmarks.telemetry;

import io.meridian.audit.Hash;
import io.meridian.client.ActingIdentities;
import io.meridian.client.AuditReader;
import io.meridian.client.Backend;
import io.meridian.client.BackendException;
import io.meridian.client.DrillClient;
import io.meridian.client.DrillWatch;
import io.meridian.client.FailoverClient;
import io.meridian.client.ProposalWatch;
import io.meridian.model.drill.Drill;
import io.meridian.model.drill.DrillRequest;
import io.meridian.client.SimulatorControl;
import io.meridian.client.StreamStatus;
import io.meridian.client.TelemetryWatch;
import io.meridian.client.TopologyWatch;
import io.meridian.failover.SignedDecision;
import io.meridian.model.failover.DecisionReceipt;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.ProposalEvent;
import io.meridian.model.failover.SwitchoverRequest;
import io.meridian.model.session.Caller;
import io.meridian.model.session.PlatformInfo;
import io.meridian.model.session.Role;
import io.meridian.model.session.ServerIdentity;
import io.meridian.model.session.SessionInfo;
import io.meridian.model.telemetry.TelemetryBatch;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.SnapshotReason;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A backend for the ingest harness: the topology once, then telemetry from a {@link SampleGenerator} at a fixed
 * rate, straight into the console's listeners on a background thread as the gRPC client would, without a network,
 * so the harness measures the console and nothing else.
 */
final class SyntheticBackend implements Backend {
    private final Topology topology;
    private final SampleGenerator generator;
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("synthetic-backend").daemon().factory());

    SyntheticBackend(Topology topology, SampleGenerator generator) {
        this.topology = topology;
        this.generator = generator;
    }

    @Override
    public String target() {
        return "synthetic benchmark backend";
    }

    @Override
    public SessionInfo session() {
        var now = Instant.now();
        return new SessionInfo(new ServerIdentity("benchmark-harness", "0", 1, 0, "harness", now),
                new PlatformInfo("benchmark", "Synthetic load", true, "nautilus-phase-7", "benchmark load", 0),
                new Caller("benchmark", Set.of(Role.VIEWER), "none"), now);
    }

    @Override
    public TopologyWatch watchTopology(TopologyWatch.Listener listener) {
        var position = new JournalPosition("synthetic", 1);
        listener.onStatus(new StreamStatus.Live(Instant.now()));
        listener.onEvent(new TopologyEvent.Snapshot(position, Instant.now(), SnapshotReason.INITIAL, topology));
        var heartbeat = threads.scheduleAtFixedRate(
                () -> listener.onEvent(new TopologyEvent.Heartbeat(position, Instant.now())), 1, 1, TimeUnit.SECONDS);
        return () -> heartbeat.cancel(false);
    }

    @Override
    public TelemetryWatch watchTelemetry(int maxSamplesPerSecond, TelemetryWatch.Listener listener) {
        listener.onStatus(new StreamStatus.Live(Instant.now()));
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / generator.batchesPerSecond();
        var task = threads.scheduleAtFixedRate(() -> {
            var batch = generator.next();
            listener.onBatch(new TelemetryBatch(new JournalPosition("synthetic", batch.sequence()), Instant.now(),
                    batch.sequence() == 1 ? SnapshotReason.INITIAL : null, batch.samples(), 0));
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        return () -> task.cancel(false);
    }

    @Override
    public List<TelemetrySample> telemetryHistory(String key, Duration window, Duration resolution) {
        return List.of();
    }

    @Override
    public ActingIdentities identities() {
        return ActingIdentities.none();
    }

    /** A failover service with nothing to propose: the harness measures telemetry; its watch is live and quiet. */
    @Override
    public FailoverClient failover() {
        return new FailoverClient() {
            private BackendException refuse() {
                return new BackendException(BackendException.Kind.INCOMPATIBLE,
                        "the synthetic benchmark backend has no failover proposals", null);
            }

            @Override
            public List<Proposal> proposals() {
                return List.of();
            }

            @Override
            public Proposal proposal(String proposalId) throws BackendException {
                throw refuse();
            }

            @Override
            public ProposalWatch watch(ProposalWatch.Listener listener) {
                listener.onStatus(new StreamStatus.Live(Instant.now()));
                var heartbeat = threads.scheduleAtFixedRate(() -> listener.onEvent(
                        new ProposalEvent.Heartbeat(Instant.now())), 1, 1,
                        TimeUnit.SECONDS);
                return () -> heartbeat.cancel(false);
            }

            @Override
            public Proposal refreshDryRun(String proposalId) throws BackendException {
                throw refuse();
            }

            @Override
            public Proposal requestSwitchover(
                    SwitchoverRequest request) throws BackendException {
                throw refuse();
            }

            @Override
            public DecisionReceipt decide(SignedDecision decision)
                    throws BackendException {
                throw refuse();
            }
        };
    }

    @Override
    public SimulatorControl simulatorControl() {
        return new SimulatorControl() {
            private BackendException refuse() {
                return new BackendException(BackendException.Kind.INCOMPATIBLE,
                        "the synthetic benchmark backend injects no faults", null);
            }

            @Override
            public String injectLagSpike(String linkId, double extraLagSeconds, Duration duration)
                    throws BackendException {
                throw refuse();
            }

            @Override
            public String partitionLink(String linkId, Duration duration) throws BackendException {
                throw refuse();
            }

            @Override
            public String skewClock(String replicaId, double offsetMicros, Duration duration)
                    throws BackendException {
                throw refuse();
            }

            @Override
            public String shiftWorkload(String regionId, double latencyFactor, Duration duration)
                    throws BackendException {
                throw refuse();
            }

            @Override
            public String crashReplica(String replicaId, Duration duration) throws BackendException {
                throw refuse();
            }

            @Override
            public String failRegion(String regionId, Duration duration) throws BackendException {
                throw refuse();
            }

            @Override
            public String clearFaults() throws BackendException {
                throw refuse();
            }
        };
    }

    @Override
    public AuditReader audit() {
        return new AuditReader() {
            private BackendException refuse() {
                return new BackendException(BackendException.Kind.INCOMPATIBLE,
                        "the synthetic benchmark backend keeps no audit log", null);
            }

            @Override
            public String latestCheckpoint() throws BackendException {
                throw refuse();
            }

            @Override
            public List<byte[]> entries(long start, long end) throws BackendException {
                throw refuse();
            }

            @Override
            public List<Hash> inclusionProof(long index, long treeSize) throws BackendException {
                throw refuse();
            }

            @Override
            public List<Hash> consistencyProof(long fromSize, long toSize) throws BackendException {
                throw refuse();
            }

            @Override
            public Optional<QueryIdEntry> lookup(String queryId, long treeSize) throws BackendException {
                throw refuse();
            }
        };
    }

    @Override
    public DrillClient drills() {
        return new DrillClient() {
            private BackendException refuse() {
                return new BackendException(BackendException.Kind.INCOMPATIBLE,
                        "the synthetic benchmark backend runs no drills", null);
            }

            @Override
            public Drill start(DrillRequest request) throws BackendException {
                throw refuse();
            }

            @Override
            public Drill abort(String drillId, String reason) throws BackendException {
                throw refuse();
            }

            @Override
            public Drill confirmStep(String drillId, String stepId, String note) throws BackendException {
                throw refuse();
            }

            @Override
            public Drill report(String drillId) throws BackendException {
                throw refuse();
            }

            @Override
            public List<Drill> list() throws BackendException {
                throw refuse();
            }

            @Override
            public DrillWatch watch(String drillId, DrillWatch.Listener listener) {
                throw new UnsupportedOperationException("the synthetic benchmark backend runs no drills");
            }
        };
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
