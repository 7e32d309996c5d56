package io.meridian.sim;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.meridian.server.BackendServer;
import io.meridian.server.audit.BackendAudit;
import io.meridian.server.failover.FailoverPolicy;
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
import java.util.Optional;

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
        return start(options, null);
    }

    /** As {@link #start(Options)}, with the simulated queries audited in a log when {@code audit} is not null. */
    public static BackendServer start(Options options, SimulatedAuditLog.Options audit) throws IOException {
        return start(options, audit, 1);
    }

    /**
     * As {@link #start(Options, SimulatedAuditLog.Options)}, the platform running {@code speed} times faster than
     * real time: every tick of platform time takes {@code tick / speed}, and the whole backend keeps platform time
     * ({@link ScaledClock}). With an audit log, drill records are kept beside it (in {@code drills/}), so a drill
     * interrupted by a restart is reported at the next start.
     */
    public static BackendServer start(Options options, SimulatedAuditLog.Options audit, double speed)
            throws IOException {
        var address = options.bindAddress();
        if (!address.isLoopbackAddress() && !options.tls()) {
            throw new IOException("refusing to listen on " + address.getHostAddress()
                    + " without TLS: beyond loopback, give --tls-cert and --tls-key");
        }
        var builder = NettyServerBuilder.forAddress(new InetSocketAddress(address, options.port()));
        if (options.tls()) {
            builder.useTransportSecurity(options.tlsCertificate().toFile(), options.tlsPrivateKey().toFile());
        }
        var clock = new ScaledClock(Clock.systemUTC(), speed);
        var platform = new SimulatedPlatform(options.scenario(), options.seed(), options.tick(), clock, speed);
        BackendAudit backendAudit = null;
        if (audit != null) {
            try {
                backendAudit = SimulatedAuditLog.open(audit, options.scenario().name(), platform.topology().regions(),
                        options.seed());
            } catch (IOException e) {
                platform.close();
                throw new IOException("audit log in " + audit.directory() + ": " + e.getMessage(), e);
            }
        }
        BackendServer server;
        try {
            server = BackendServer.start(builder, platform, clock,
                    List.of(new SimulatorControlService(platform)), backendAudit,
                    failoverPolicy(options), id -> Optional.empty());
        } catch (IOException e) {
            var where = address.getHostAddress() + ":" + options.port();
            throw new IOException(portInUse(e)
                    ? "cannot listen on " + where + ": the port is already in use (choose another with --port, "
                    + "or --port 0 for any free port)"
                    : "cannot listen on " + where + ": " + e.getMessage(), e);
        }
        if (audit != null) {
            try {
                server.drills().keepRecordsIn(audit.directory().resolve("drills"));
            } catch (IOException e) {
                server.close();
                throw new IOException("drill records in " + audit.directory().resolve("drills") + ": "
                        + e.getMessage(), e);
            }
        }
        return server;
    }

    /**
     * The scenario's failover policy, with the simulator's timing: a lag figure is frozen after five ticks without
     * a sample, and an execution takes about ten ticks.
     */
    static FailoverPolicy failoverPolicy(Options options) {
        return FailoverPolicy.of(options.scenario(), options.tick().multipliedBy(5), options.tick().multipliedBy(10));
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
