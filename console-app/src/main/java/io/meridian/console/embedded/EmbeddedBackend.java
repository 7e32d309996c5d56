package io.meridian.console.embedded;

import io.meridian.client.ActingIdentities;
import io.meridian.client.AuditReader;
import io.meridian.client.Backend;
import io.meridian.client.BackendAddress;
import io.meridian.client.BackendException;
import io.meridian.client.DrillClient;
import io.meridian.client.FailoverClient;
import io.meridian.client.SimulatorControl;
import io.meridian.client.TelemetryWatch;
import io.meridian.client.TopologyWatch;
import io.meridian.console.audit.TrustRoots;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.session.SessionInfo;
import io.meridian.server.BackendServer;
import io.meridian.server.access.DemoTeam;
import io.meridian.server.access.Identity;
import io.meridian.server.scenario.Scenario;
import io.meridian.sim.SimulatedBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The console's default backend: a simulated backend started in this process on a loopback port, reached through
 * the same gRPC client as a remote one, so the embedded default exercises the real protocol. Its callers are the
 * scenario's demo team, with key pairs made at start; the console acts as the member it names, or as the anonymous
 * viewer, may switch to another member at any time ({@link #identities()}), and signs each member's decisions with
 * the key {@link #team()} holds. It keeps an audit log in the user's data directory ({@link EmbeddedAudit}) whose
 * keys the console made, and so may trust.
 */
public final class EmbeddedBackend implements Backend {
    private final BackendServer server;
    private final Backend client;
    private final DemoTeam team;
    private final TrustRoots trustRoots;

    private EmbeddedBackend(BackendServer server, Backend client, DemoTeam team, TrustRoots trustRoots) {
        this.server = server;
        this.client = client;
        this.team = team;
        this.trustRoots = trustRoots;
    }

    /** Acting as the team member {@code demoIdentity}, or as the anonymous viewer when it is null. */
    public static EmbeddedBackend start(Scenario scenario, long seed, String demoIdentity, EmbeddedAudit audit)
            throws IOException, BackendException {
        var team = SimulatedBackend.demoTeam(scenario);
        if (demoIdentity != null && team.find(demoIdentity).isEmpty()) {
            throw new BackendException(BackendException.Kind.FAILED, "--as " + demoIdentity + ": not a member of "
                    + "the team of scenario " + scenario.name() + " (" + team.identities().stream()
                    .map(Identity::id).collect(Collectors.joining(", ")) + ")", null);
        }
        var options = SimulatedBackend.Options.embedded(scenario, seed, team);
        var backendAudit = audit.open(options);
        var keys = EmbeddedAudit.trustedKeys(backendAudit);
        var server = SimulatedBackend.start(options, backendAudit);
        try {
            // Beside the audit log, so a drill the console was running when it stopped is reported at its next start.
            server.drills().keepRecordsIn(audit.directories().data().resolve("drills").resolve(scenario.name()));
            var pinned = audit.pin(scenario.name(), keys);
            var address = new BackendAddress(InetAddress.getLoopbackAddress().getHostAddress(), server.port());
            // The console may switch between members while connected (one person playing two operators), so the
            // identity goes with each call instead of once with the connection.
            var identities = DemoTeamIdentities.of(team, Optional.ofNullable(demoIdentity));
            return new EmbeddedBackend(server, Backend.connectAsDemoTeam(address, identities), team,
                    TrustRoots.pinned(keys, pinned + " (the keys this console made for its embedded backend)"));
        } catch (IOException | BackendException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The demo team: who the backend knows, and each member's private signing key for this process only. */
    public DemoTeam team() {
        return team;
    }

    /** The public keys of the signing keys the console made for this backend's audit log. */
    public TrustRoots trustRoots() {
        return trustRoots;
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
    public ActingIdentities identities() {
        return client.identities();
    }

    @Override
    public FailoverClient failover() {
        return client.failover();
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
