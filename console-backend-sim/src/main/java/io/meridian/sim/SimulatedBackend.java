package io.meridian.sim;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.meridian.server.BackendServer;
import io.meridian.server.audit.BackendAudit;
import io.meridian.server.scenario.Scenario;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.List;
import java.util.Objects;

/** Starts a backend over a simulated platform on a real socket: used by the standalone launcher and the console. */
public final class SimulatedBackend {
    private SimulatedBackend() {
    }

    /**
     * How to run it. {@code tlsCertificate} and {@code tlsPrivateKey} (PEM) turn on TLS, which any address beyond
     * loopback requires.
     */
    public record Options(Scenario scenario, long seed, InetAddress bindAddress, int port, Duration tick,
                          Path tlsCertificate, Path tlsPrivateKey) {
        public Options {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(tick, "tick");
            if ((tlsCertificate == null) != (tlsPrivateKey == null)) {
                throw new IllegalArgumentException("TLS needs both a certificate chain and a private key");
            }
        }

        /** Loopback, a free port, one tick per second, no TLS: the console's embedded default. */
        public static Options embedded(Scenario scenario, long seed) {
            return new Options(scenario, seed, InetAddress.getLoopbackAddress(), 0, Duration.ofSeconds(1), null, null);
        }

        boolean tls() {
            return tlsCertificate != null;
        }
    }

    /** Starts serving; the message of the IOException says what stopped it, for the user as it is. */
    public static BackendServer start(Options options) throws IOException {
        return start(options, (BackendAudit) null);
    }

    /** As {@link #start(Options)}, with the simulated queries audited in a log when {@code audit} is not null. */
    public static BackendServer start(Options options, SimulatedAuditLog.Options audit) throws IOException {
        return start(options, audit == null ? null : openAudit(options, audit));
    }

    /** Opens the audit log of {@code options}' scenario, one signer per region, before a backend is started on it. */
    public static BackendAudit openAudit(Options options, SimulatedAuditLog.Options audit) throws IOException {
        try {
            return SimulatedAuditLog.open(audit, options.scenario().name(), options.scenario().regions().stream()
                    .map(Scenario.RegionSpec::id).toList(), options.seed());
        } catch (IOException e) {
            throw new IOException("audit log in " + audit.directory() + ": " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #start(Options)}, serving and feeding an audit log already opened (null for none), which the backend
     * then owns: the console opens its own to pin the keys it made.
     */
    public static BackendServer start(Options options, BackendAudit backendAudit) throws IOException {
        var address = options.bindAddress();
        if (!address.isLoopbackAddress() && !options.tls()) {
            closeQuietly(backendAudit);
            throw new IOException("refusing to listen on " + address.getHostAddress()
                    + " without TLS: beyond loopback, give --tls-cert and --tls-key");
        }
        var builder = NettyServerBuilder.forAddress(new InetSocketAddress(address, options.port()));
        if (options.tls()) {
            builder.useTransportSecurity(options.tlsCertificate().toFile(), options.tlsPrivateKey().toFile());
        }
        var platform = new SimulatedPlatform(options.scenario(), options.seed(), options.tick(), Clock.systemUTC());
        try {
            return BackendServer.start(builder, platform, Clock.systemUTC(),
                    List.of(new SimulatorControlService(platform)), backendAudit);
        } catch (IOException e) {
            var where = address.getHostAddress() + ":" + options.port();
            throw new IOException(portInUse(e)
                    ? "cannot listen on " + where + ": the port is already in use (choose another with --port, "
                    + "or --port 0 for any free port)"
                    : "cannot listen on " + where + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(BackendAudit audit) {
        if (audit == null) {
            return;
        }
        audit.source().close();
        try {
            audit.log().close();
        } catch (IOException e) {
            // Nothing was appended: the refusal above is what the caller must hear.
        }
    }

    /**
     * True when binding failed because the port is taken. Netty's native transports (epoll, kqueue) report that as
     * their own IOException, not as {@link java.net.BindException}, so the cause chain is searched for the system's
     * message; a BindException for another reason (such as an address not on this host) does not count.
     */
    static boolean portInUse(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            var message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("address already in use")) {
                return true;
            }
        }
        return false;
    }
}
