package io.meridian.sim;

import io.meridian.server.BackendServer;
import io.meridian.server.audit.BackendAudit;
import io.meridian.server.scenario.Scenario;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
        return start(options, null);
    }

    /** As {@link #start(Options)}, with the simulated queries audited in a log when {@code audit} is not null. */
    public static BackendServer start(Options options, SimulatedAuditLog.Options audit) throws IOException {
        SocketBackend.refuseWithoutTls(options.bindAddress(), options.tls());
        var platform = new SimulatedPlatform(options.scenario(), options.seed(), options.tick(), Clock.systemUTC());
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
        return SocketBackend.serve(options.bindAddress(), options.port(), options.tlsCertificate(),
                options.tlsPrivateKey(), platform, List.of(new SimulatorControlService(platform)), backendAudit);
    }
}
