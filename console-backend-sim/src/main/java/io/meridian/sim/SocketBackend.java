package io.meridian.sim;

import io.grpc.BindableService;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.meridian.server.BackendServer;
import io.meridian.server.access.AccessPolicy;
import io.meridian.server.audit.BackendAudit;
import io.meridian.server.failover.FailoverPolicy;
import io.meridian.server.platform.Platform;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Serves any platform on a real socket: loopback in plain text, anything else only with TLS, and a bind failure
 * as one sentence. The standalone launcher uses it for the simulated and the PostgreSQL platform alike.
 */
final class SocketBackend {
    private SocketBackend() {
    }

    static void refuseWithoutTls(InetAddress address, boolean tls) throws IOException {
        if (!address.isLoopbackAddress() && !tls) {
            throw new IOException("refusing to listen on " + address.getHostAddress()
                    + " without TLS: beyond loopback, give --tls-cert and --tls-key");
        }
    }

    /**
     * Where and how to listen: TLS with a certificate chain and key when given, requiring client certificates
     * issued by {@code clientCa} when that is given too.
     */
    record Listen(InetAddress address, int port, Path tlsCertificate, Path tlsPrivateKey, Path clientCa) {}

    /**
     * Starts serving in {@code clock}'s time (the caller checked {@link #refuseWithoutTls} before making the
     * platform); the server owns
     * {@code platform} and {@code audit} from here on, closed on failure too. The message of the IOException says
     * what stopped it, for the user as it is.
     */
    static BackendServer serve(Listen listen, Platform platform, Clock clock, List<BindableService> services,
                               BackendAudit audit, FailoverPolicy failover, AccessPolicy access) throws IOException {
        var builder = NettyServerBuilder.forAddress(new InetSocketAddress(listen.address(), listen.port()));
        if (listen.tlsCertificate() != null) {
            builder.sslContext(ServerTls.context(listen.tlsCertificate(), listen.tlsPrivateKey(), listen.clientCa()));
        }
        try {
            return BackendServer.start(builder, platform, clock, services, audit, failover, access);
        } catch (IOException e) {
            var where = listen.address().getHostAddress() + ":" + listen.port();
            throw new IOException(portInUse(e)
                    ? "cannot listen on " + where + ": the port is already in use (choose another with --port, "
                    + "or --port 0 for any free port)"
                    : "cannot listen on " + where + ": " + e.getMessage(), e);
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
