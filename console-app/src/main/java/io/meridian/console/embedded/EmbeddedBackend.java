package io.meridian.console.embedded;

import io.meridian.client.AuditReader;
import io.meridian.client.Backend;
import io.meridian.client.BackendAddress;
import io.meridian.client.BackendException;
import io.meridian.client.TopologyWatch;
import io.meridian.client.grpc.GrpcBackend;
import io.meridian.model.session.SessionInfo;
import io.meridian.server.BackendServer;
import io.meridian.server.scenario.Scenario;
import io.meridian.sim.SimulatedBackend;
import java.io.IOException;
import java.net.InetAddress;

/**
 * The console's default backend: a simulated backend started in this process on a loopback port, reached through
 * the same gRPC client as a remote one, so the embedded default exercises the real protocol.
 */
public final class EmbeddedBackend implements Backend {
    private final BackendServer server;
    private final GrpcBackend client;

    private EmbeddedBackend(BackendServer server, GrpcBackend client) {
        this.server = server;
        this.client = client;
    }

    public static EmbeddedBackend start(Scenario scenario, long seed) throws IOException, BackendException {
        var server = SimulatedBackend.start(SimulatedBackend.Options.embedded(scenario, seed));
        try {
            var address = new BackendAddress(InetAddress.getLoopbackAddress().getHostAddress(), server.port());
            return new EmbeddedBackend(server, GrpcBackend.connect(address, null));
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
    public AuditReader audit() {
        return client.audit();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
