package io.meridian.console.embedded;

import io.meridian.client.AuditReader;
import io.meridian.client.Backend;
import io.meridian.client.BackendAddress;
import io.meridian.client.BackendException;
import io.meridian.client.DrillClient;
import io.meridian.client.SimulatorControl;
import io.meridian.client.TelemetryWatch;
import io.meridian.client.TopologyWatch;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.session.SessionInfo;
import io.meridian.server.BackendServer;
import io.meridian.server.scenario.Scenario;
import io.meridian.sim.SimulatedBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * The console's default backend: a simulated backend started in this process on a loopback port, reached through
 * the same gRPC client as a remote one, so the embedded default exercises the real protocol.
 */
public final class EmbeddedBackend implements Backend {
    private final BackendServer server;
    private final Backend client;

    private EmbeddedBackend(BackendServer server, Backend client) {
        this.server = server;
        this.client = client;
    }

    public static EmbeddedBackend start(Scenario scenario, long seed) throws IOException, BackendException {
        var server = SimulatedBackend.start(SimulatedBackend.Options.embedded(scenario, seed));
        try {
            var address = new BackendAddress(InetAddress.getLoopbackAddress().getHostAddress(), server.port());
            return new EmbeddedBackend(server, Backend.connect(address, null));
        } catch (BackendException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public String target() {
        return client.target() + " (embedded)";
    }

    @Override
    public SessionInfo session() throws BackendException {
        return client.session();
    }

    @Override
    public TopologyWatch watchTopology(TopologyWatch.Listener listener) {
        return client.watchTopology(listener);
    }

    @Override
    public TelemetryWatch watchTelemetry(int maxSamplesPerSecond, TelemetryWatch.Listener listener) {
        return client.watchTelemetry(maxSamplesPerSecond, listener);
    }

    @Override
    public List<TelemetrySample> telemetryHistory(String key, Duration window, Duration resolution)
            throws BackendException {
        return client.telemetryHistory(key, window, resolution);
    }

    @Override
    public SimulatorControl simulatorControl() {
        return client.simulatorControl();
    }

    @Override
    public AuditReader audit() {
        return client.audit();
    }

    @Override
    public DrillClient drills() {
        return client.drills();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
