package io.meridian.console.telemetry;

import io.meridian.client.ActingIdentities;
import io.meridian.client.AuditReader;
import io.meridian.client.DrillClient;
import io.meridian.client.Backend;
import io.meridian.client.BackendException;
import io.meridian.client.FailoverClient;
import io.meridian.client.SimulatorControl;
import io.meridian.client.TelemetryWatch;
import io.meridian.client.TopologyWatch;
import io.meridian.model.session.SessionInfo;
import io.meridian.model.telemetry.TelemetrySample;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A backend that answers history from a map and offers nothing else, for view-model tests. */
final class FakeBackend implements Backend {
    final Map<String, List<TelemetrySample>> history = new ConcurrentHashMap<>();

    @Override
    public String target() {
        return "fake";
    }

    @Override
    public SessionInfo session() throws BackendException {
        throw new BackendException(BackendException.Kind.UNREACHABLE, "fake backend has no session", null);
    }

    @Override
    public TopologyWatch watchTopology(TopologyWatch.Listener listener) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public TelemetryWatch watchTelemetry(int maxSamplesPerSecond, TelemetryWatch.Listener listener) {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public List<TelemetrySample> telemetryHistory(String key, Duration window, Duration resolution) {
        return history.getOrDefault(key, List.of());
    }

    @Override
    public ActingIdentities identities() {
        return ActingIdentities.none();
    }

    @Override
    public FailoverClient failover() {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public SimulatorControl simulatorControl() {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public AuditReader audit() {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public DrillClient drills() {
        throw new UnsupportedOperationException("not used by these tests");
    }

    @Override
    public void close() {
    }
}
