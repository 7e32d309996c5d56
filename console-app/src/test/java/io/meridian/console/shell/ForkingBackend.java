package io.meridian.console.shell;

import io.meridian.audit.Hash;
import io.meridian.client.ActingIdentities;
import io.meridian.client.AuditReader;
import io.meridian.client.Backend;
import io.meridian.client.BackendException;
import io.meridian.client.DrillClient;
import io.meridian.client.FailoverClient;
import io.meridian.client.SimulatorControl;
import io.meridian.client.TelemetryWatch;
import io.meridian.client.TopologyWatch;
import io.meridian.model.session.SessionInfo;
import io.meridian.model.telemetry.TelemetrySample;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real backend whose audit log a test can make lie: {@link #serve} replaces the latest checkpoint it reports (with
 * the one it reported before, to hold the log still, or with a forged one); everything else passes through.
 */
final class ForkingBackend implements Backend {
    private final Backend real;
    private volatile String served;

    ForkingBackend(Backend real) {
        this.real = real;
    }

    /** From now on, the latest checkpoint is {@code note}. */
    void serve(String note) {
        served = note;
    }

    @Override
    public AuditReader audit() {
        var log = real.audit();
        return new AuditReader() {
            @Override
            public String latestCheckpoint() throws BackendException {
                var note = served;
                return note != null ? note : log.latestCheckpoint();
            }

            @Override
            public List<byte[]> entries(long start, long end) throws BackendException {
                return log.entries(start, end);
            }

            @Override
            public List<Hash> inclusionProof(long index, long treeSize) throws BackendException {
                return log.inclusionProof(index, treeSize);
            }

            @Override
            public List<Hash> consistencyProof(long fromSize, long toSize) throws BackendException {
                return log.consistencyProof(fromSize, toSize);
            }

            @Override
            public Optional<QueryIdEntry> lookup(String queryId, long treeSize) throws BackendException {
                return log.lookup(queryId, treeSize);
            }
        };
    }

    @Override
    public String target() {
        return real.target();
    }

    @Override
    public SessionInfo session() throws BackendException {
        return real.session();
    }

    @Override
    public TopologyWatch watchTopology(TopologyWatch.Listener listener) {
        return real.watchTopology(listener);
    }

    @Override
    public TelemetryWatch watchTelemetry(int maxSamplesPerSecond, TelemetryWatch.Listener listener) {
        return real.watchTelemetry(maxSamplesPerSecond, listener);
    }

    @Override
    public List<TelemetrySample> telemetryHistory(String key, Duration window, Duration resolution)
            throws BackendException {
        return real.telemetryHistory(key, window, resolution);
    }

    @Override
    public ActingIdentities identities() {
        return real.identities();
    }

    @Override
    public FailoverClient failover() {
        return real.failover();
    }

    @Override
    public SimulatorControl simulatorControl() {
        return real.simulatorControl();
    }

    @Override
    public DrillClient drills() {
        return real.drills();
    }

    @Override
    public void close() {
        real.close();
    }
}
