package io.meridian.client.grpc;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.meridian.api.v1.GetSessionRequest;
import io.meridian.api.v1.SessionServiceGrpc;
import io.meridian.api.v1.GetTelemetryHistoryRequest;
import io.meridian.api.v1.TelemetryServiceGrpc;
import io.meridian.api.v1.TopologyServiceGrpc;
import io.meridian.client.ActingIdentities;
import io.meridian.client.AuditReader;
import io.meridian.client.Backend;
import io.meridian.client.BackendAddress;
import io.meridian.client.BackendException;
import io.meridian.client.ConnectionSecurity;
import io.meridian.client.DrillClient;
import io.meridian.client.FailoverClient;
import io.meridian.client.Backoff;
import io.meridian.client.SimulatorControl;
import io.meridian.client.TelemetryWatch;
import io.meridian.client.TopologyWatch;
import io.meridian.model.session.ApiVersion;
import io.meridian.model.session.MeridianVersion;
import io.meridian.model.session.SessionInfo;
import io.meridian.model.telemetry.TelemetrySample;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@link Backend} over a gRPC channel that this object owns and closes. */
public final class GrpcBackend implements Backend {
    static final Duration UNARY_DEADLINE = Duration.ofSeconds(3);

    private final String target;
    private final ManagedChannel channel;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final ActingIdentities identities;

    GrpcBackend(String target, ManagedChannel channel, Clock clock) {
        this(target, channel, clock, ActingIdentities.none());
    }

    private GrpcBackend(String target, ManagedChannel channel, Clock clock, ActingIdentities identities) {
        this.target = target;
        this.channel = channel;
        this.clock = clock;
        this.identities = identities;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("meridian-client-" + target).daemon().factory());
    }

    /**
     * Connects to a backend. Loopback is plain text; any other host needs TLS, verified against the system trust
     * store or {@code trustedCertificates} (PEM) when given.
     */
    public static GrpcBackend connect(BackendAddress address, Path trustedCertificates) throws BackendException {
        return connectWith(address, ConnectionSecurity.trusting(trustedCertificates));
    }

    /**
     * Connects as {@code security} says: mutual TLS with a client certificate, TLS, or plain text on loopback, and
     * on a loopback demo backend as the named demo identity (a header on every call).
     */
    public static GrpcBackend connectWith(BackendAddress address, ConnectionSecurity security) throws BackendException {
        return connectWith(address, security, ActingIdentities.none());
    }

    /**
     * As {@link #connectWith(BackendAddress, ConnectionSecurity)}, acting as {@code identities} when deciding
     * failovers (one person with real credentials: the holder of the client certificate and the signing key).
     */
    public static GrpcBackend connectWith(BackendAddress address, ConnectionSecurity security,
                                          ActingIdentities identities) throws BackendException {
        var builder = channelTo(address);
        boolean loopback = isLoopback(address.host());
        if (loopback && security.trustedCertificates() == null && !security.mutualTls()) {
            builder.usePlaintext();
        } else if (security.trustedCertificates() != null || security.mutualTls()) {
            builder.sslContext(ClientTls.context(security));
        } else {
            builder.useTransportSecurity();
        }
        if (security.demoIdentity() != null) {
            if (!loopback || security.trustedCertificates() != null) {
                throw new BackendException(BackendException.Kind.FAILED, "demo identity '"
                        + security.demoIdentity() + "': demo identities exist only on a loopback demo backend "
                        + "without TLS; " + address + " needs a client certificate", null);
            }
            builder.intercept(MetadataUtils.newAttachHeadersInterceptor(
                    DemoIdentityHeader.of(security.demoIdentity())));
        }
        return new GrpcBackend(address.toString(), builder.build(), Clock.systemUTC(), identities);
    }

    /**
     * Connects to a loopback demo backend as members of its demo team, switchable while connected: each call names
     * the member {@code identities} holds at that moment (none: the anonymous viewer), so that one person can play
     * two operators for the two-person rule. The members' keys sign their decisions.
     */
    public static GrpcBackend connectAsDemoTeam(BackendAddress address, ActingIdentities identities)
            throws BackendException {
        if (!isLoopback(address.host()) || !identities.demo()) {
            throw new BackendException(BackendException.Kind.FAILED, "a demo team exists only on a loopback demo "
                    + "backend without TLS; " + address + " needs a client certificate", null);
        }
        var channel = channelTo(address).usePlaintext().intercept(new ActingIdentityHeader(identities)).build();
        return new GrpcBackend(address.toString(), channel, Clock.systemUTC(), identities);
    }

    private static NettyChannelBuilder channelTo(BackendAddress address) {
        return NettyChannelBuilder.forAddress(address.host(), address.port())
                .keepAliveTime(15, TimeUnit.SECONDS)
                .keepAliveTimeout(5, TimeUnit.SECONDS)
                .userAgent("meridian-console/" + MeridianVersion.current());
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void awaitConnected(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        var state = channel.getState(true);
        try {
            while (state == ConnectivityState.IDLE || state == ConnectivityState.CONNECTING) {
                var changed = new CountDownLatch(1);
                channel.notifyWhenStateChanged(state, changed::countDown);
                long left = deadline - System.nanoTime();
                if (left <= 0 || !changed.await(left, TimeUnit.NANOSECONDS)) {
                    return;
                }
                state = channel.getState(false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public SessionInfo session() throws BackendException {
        try {
            var session = SessionServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(UNARY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .getSession(GetSessionRequest.newBuilder()
                            .setClientName("meridian-console " + MeridianVersion.current())
                            .setClientApiMajor(ApiVersion.MAJOR).build());
            var info = SessionMapper.fromProto(session);
            if (info.server().apiMajor() != ApiVersion.MAJOR) {
                throw new BackendException(BackendException.Kind.INCOMPATIBLE, "backend " + target + " speaks "
                        + "meridian API " + info.server().apiMajor() + "." + info.server().apiMinor()
                        + "; this console speaks " + ApiVersion.MAJOR + "." + ApiVersion.MINOR, null);
            }
            return info;
        } catch (StatusRuntimeException e) {
            throw GrpcErrors.translate(target, e);
        } catch (ProtocolException e) {
            throw new BackendException(BackendException.Kind.INCOMPATIBLE,
                    "backend " + target + " sent a session this console cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public TopologyWatch watchTopology(TopologyWatch.Listener listener) {
        var watch = new GrpcTopologyWatch(TopologyServiceGrpc.newStub(channel), target, listener, scheduler,
                Backoff.standard(), clock);
        watch.open();
        return watch;
    }

    @Override
    public TelemetryWatch watchTelemetry(int maxSamplesPerSecond, TelemetryWatch.Listener listener) {
        var watch = new GrpcTelemetryWatch(TelemetryServiceGrpc.newStub(channel), target, maxSamplesPerSecond,
                listener, scheduler, Backoff.standard(), clock);
        watch.open();
        return watch;
    }

    @Override
    public List<TelemetrySample> telemetryHistory(String key, Duration window, Duration resolution)
            throws BackendException {
        try {
            return TelemetryServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(UNARY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .getTelemetryHistory(GetTelemetryHistoryRequest.newBuilder().setKey(key)
                            .setWindow(ProtoTime.duration(window)).setResolution(ProtoTime.duration(resolution))
                            .build())
                    .getSamplesList().stream().map(TelemetryMapper::fromProto).toList();
        } catch (StatusRuntimeException e) {
            throw GrpcErrors.translate(target, e);
        } catch (ProtocolException e) {
            throw new BackendException(BackendException.Kind.INCOMPATIBLE,
                    "backend " + target + " sent history this console cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public ActingIdentities identities() {
        return identities;
    }

    @Override
    public FailoverClient failover() {
        return new GrpcFailoverClient(channel, target, scheduler, clock, Backoff.standard());
    }

    @Override
    public SimulatorControl simulatorControl() {
        return new GrpcSimulatorControl(channel, target);
    }

    @Override
    public AuditReader audit() {
        return new GrpcAuditReader(channel, target);
    }

    @Override
    public DrillClient drills() {
        return new GrpcDrillClient(channel, target, scheduler, clock);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
