package io.meridian.sim;

import io.meridian.model.session.Role;
import io.meridian.server.BackendServer;
import io.meridian.server.access.AccessPolicy;
import io.meridian.server.access.DemoTeam;
import io.meridian.server.audit.BackendAudit;
import io.meridian.server.failover.FailoverPolicy;
import io.meridian.server.scenario.Scenario;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Starts a backend over a simulated platform on a real socket: used by the standalone launcher and the console. */
public final class SimulatedBackend {
    private SimulatedBackend() {
    }

    /**
     * How to run it. {@code tlsCertificate} and {@code tlsPrivateKey} (PEM) turn on TLS, which any address beyond
     * loopback requires. {@code clientCa} (PEM) makes TLS mutual: every client must present a certificate issued by
     * it, whose CN names an identity of the access policy's file. A demo policy runs only on loopback without TLS.
     */
    public record Options(Scenario scenario, long seed, InetAddress bindAddress, int port, Duration tick,
                          Path tlsCertificate, Path tlsPrivateKey, Path clientCa, AccessPolicy access) {
        public Options {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(tick, "tick");
            Objects.requireNonNull(access, "access");
            if ((tlsCertificate == null) != (tlsPrivateKey == null)) {
                throw new IllegalArgumentException("TLS needs both a certificate chain and a private key");
            }
            if (clientCa != null && tlsCertificate == null) {
                throw new IllegalArgumentException("--client-ca needs TLS: give --tls-cert and --tls-key too");
            }
            if ((clientCa != null) != (access.mode() == AccessPolicy.Mode.CERTIFICATES)) {
                throw new IllegalArgumentException("--client-ca and --access go together: the CA says who may "
                        + "connect, the access file who each certificate is and what they may do");
            }
            if (access.demoIdentities() && (tlsCertificate != null || !bindAddress.isLoopbackAddress())) {
                throw new IllegalArgumentException("demo identities are for a loopback backend without TLS only");
            }
        }

        /** Without client certificates: every caller is the anonymous viewer. */
        public Options(Scenario scenario, long seed, InetAddress bindAddress, int port, Duration tick,
                       Path tlsCertificate, Path tlsPrivateKey) {
            this(scenario, seed, bindAddress, port, tick, tlsCertificate, tlsPrivateKey, null,
                    AccessPolicy.anonymousOnly());
        }

        /**
         * Loopback, a free port, one tick per second, no TLS, and the scenario's team as fresh demo identities: the
         * console's embedded default.
         */
        public static Options embedded(Scenario scenario, long seed) {
            return embedded(scenario, seed, demoTeam(scenario));
        }

        /** As {@link #embedded(Scenario, long)}, with a demo team the caller made (and keeps the keys of). */
        public static Options embedded(Scenario scenario, long seed, DemoTeam team) {
            return new Options(scenario, seed, InetAddress.getLoopbackAddress(), 0, Duration.ofSeconds(1), null, null,
                    null, AccessPolicy.demo(team));
        }

        boolean tls() {
            return tlsCertificate != null;
        }
    }

    /** The scenario's team with a fresh key pair each; a scenario without a team gives a team nobody can join. */
    public static DemoTeam demoTeam(Scenario scenario) {
        var team = scenario.team() == null ? List.<Scenario.TeamMember>of() : scenario.team();
        return DemoTeam.generate(team.stream().map(m -> new DemoTeam.Member(m.id(), m.name(), m.roles().stream()
                .map(SimulatedBackend::role).collect(Collectors.toSet()))).toList());
    }

    private static Role role(String label) {
        return Arrays.stream(Role.values()).filter(r -> r.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + label));
    }

    /** Starts serving; the message of the IOException says what stopped it, for the user as it is. */
    public static BackendServer start(Options options) throws IOException {
        return start(options, (BackendAudit) null);
    }

    /** As {@link #start(Options)}, with the simulated queries audited in a log when {@code audit} is not null. */
    public static BackendServer start(Options options, SimulatedAuditLog.Options audit) throws IOException {
        return start(options, audit, 1);
    }

    /**
     * As {@link #start(Options, SimulatedAuditLog.Options)}, the platform running {@code speed} times faster than
     * real time (see {@link #start(Options, BackendAudit, double)}). With an audit log, drill records are kept beside
     * it (in {@code drills/}), so a drill interrupted by a restart is reported at the next start.
     */
    public static BackendServer start(Options options, SimulatedAuditLog.Options audit, double speed)
            throws IOException {
        var server = start(options, audit == null ? null : openAudit(options, audit), speed);
        if (audit != null) {
            var drills = audit.directory().resolve("drills");
            try {
                server.drills().keepRecordsIn(drills);
            } catch (IOException e) {
                server.close();
                throw new IOException("drill records in " + drills + ": " + e.getMessage(), e);
            }
        }
        return server;
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
        return start(options, backendAudit, 1);
    }

    /**
     * As {@link #start(Options, BackendAudit)}, the platform running {@code speed} times faster than real time:
     * every tick of platform time takes {@code tick / speed}, and the whole backend keeps platform time
     * ({@link ScaledClock}).
     */
    public static BackendServer start(Options options, BackendAudit backendAudit, double speed) throws IOException {
        try {
            SocketBackend.refuseWithoutTls(options.bindAddress(), options.tls());
        } catch (IOException e) {
            closeQuietly(backendAudit);
            throw e;
        }
        var clock = new ScaledClock(Clock.systemUTC(), speed);
        var platform = new SimulatedPlatform(options.scenario(), options.seed(), options.tick(), clock, speed);
        return SocketBackend.serve(new SocketBackend.Listen(options.bindAddress(), options.port(),
                        options.tlsCertificate(), options.tlsPrivateKey(), options.clientCa()), platform, clock,
                List.of(new SimulatorControlService(platform)), backendAudit, failoverPolicy(options),
                options.access());
    }

    private static void closeQuietly(BackendAudit audit) {
        if (audit == null) {
            return;
        }
        try {
            audit.close();
        } catch (IOException e) {
            // Nothing was appended: the refusal above is what the caller must hear.
        }
    }

    /**
     * The scenario's failover policy, with the simulator's timing: a lag figure is frozen after five ticks without
     * a sample, and an execution takes about ten ticks.
     */
    static FailoverPolicy failoverPolicy(Options options) {
        return FailoverPolicy.of(options.scenario(), options.tick().multipliedBy(5), options.tick().multipliedBy(10));
    }
}
