package io.meridian.client;

import io.meridian.client.grpc.GrpcBackend;
import io.meridian.model.session.SessionInfo;
import io.meridian.model.telemetry.TelemetrySample;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A connection to a Meridian backend, in domain terms only: callers never see gRPC. Blocking calls carry deadlines
 * and belong off the UI thread; watches call their listeners on background threads.
 */
public interface Backend extends AutoCloseable {
    /**
     * Connects to the backend at {@code address}: plain text on loopback, TLS elsewhere, verified against
     * {@code trustedCertificates} (PEM) when given or the system's trust store otherwise. Connecting is lazy; the
     * first call says whether the backend answers.
     */
    static Backend connect(BackendAddress address, Path trustedCertificates) throws BackendException {
        return GrpcBackend.connect(address, trustedCertificates);
    }

    /**
     * Connects to the backend at {@code address} secured and identified as {@code security} says (mutual TLS with a
     * client certificate, or a demo identity on a loopback demo backend).
     */
    static Backend connectWith(BackendAddress address, ConnectionSecurity security) throws BackendException {
        return GrpcBackend.connectWith(address, security);
    }

    /** As {@link #connectWith(BackendAddress, ConnectionSecurity)}, deciding failovers as {@code identities}. */
    static Backend connectWith(BackendAddress address, ConnectionSecurity security, ActingIdentities identities)
            throws BackendException {
        return GrpcBackend.connectWith(address, security, identities);
    }

    /**
     * Connects to a loopback demo backend as the members of its demo team that {@code identities} holds, naming on
     * each call the member it acts as at that moment, so the console can switch between them while connected.
     */
    static Backend connectAsDemoTeam(BackendAddress address, ActingIdentities identities) throws BackendException {
        return GrpcBackend.connectAsDemoTeam(address, identities);
    }

    /**
     * Connects now and waits up to {@code timeout} until the connection is ready or has failed, so that the first
     * call's deadline is not spent on connecting (a TLS handshake in a cold process on a busy machine can take
     * seconds). Returns either way; the next call reports a failure. A backend without a connection returns at once.
     */
    default void awaitConnected(Duration timeout) {
    }

    /** Where the backend is, for messages and the status bar, e.g. "127.0.0.1:50051". */
    String target();

    /**
     * Asks who the backend is and who we are. Fails with {@link BackendException} when the backend cannot be
     * reached in time or speaks an incompatible API version.
     */
    SessionInfo session() throws BackendException;

    /** Opens a topology watch that reconnects by itself and resumes from the last event it delivered. */
    TopologyWatch watchTopology(TopologyWatch.Listener listener);

    /**
     * Opens a telemetry stream of at most {@code maxSamplesPerSecond} samples per second (the server coalesces per
     * key, latest wins), which reconnects by itself and resumes where it stopped.
     */
    TelemetryWatch watchTelemetry(int maxSamplesPerSecond, TelemetryWatch.Listener listener);

    /** The recorded history of one telemetry key, oldest first, at most one sample per {@code resolution}. */
    List<TelemetrySample> telemetryHistory(String key, Duration window, Duration resolution) throws BackendException;

    /** Who this connection acts as when it decides, and whom it may switch to (a demo team). */
    ActingIdentities identities();

    /** Failover proposals, dry runs and signed decisions, over this connection. */
    FailoverClient failover();

    /** Fault injection, for a simulated backend. */
    SimulatorControl simulatorControl();

    /** The backend's audit log, read over this connection (to be verified by the caller). */
    AuditReader audit();

    /** Disaster-recovery drills over this connection. */
    DrillClient drills();

    /** Closes the connection and every watch opened on it. */
    @Override
    void close();
}
