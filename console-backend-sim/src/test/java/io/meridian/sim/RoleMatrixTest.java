package io.meridian.sim;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.meridian.model.session.Role;
import io.meridian.server.BackendServer;
import io.meridian.server.access.AccessPolicy;
import io.meridian.server.access.DemoTeam;
import io.meridian.server.access.MethodRoles;
import io.meridian.sim.team.TestPki;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access rules as a client meets them: a simulated backend with its audit log and the simulator's control
 * service, over mutual TLS on a loopback socket, called on every method it serves by one person per role. Each call
 * is allowed (whatever the method then answers to an empty request) or refused with PERMISSION_DENIED, exactly as
 * the matrix below, written from the design rather than read from {@link MethodRoles}, says.
 */
class RoleMatrixTest {
    private static final Set<Role> ANY = EnumSet.allOf(Role.class);
    private static final Set<Role> AUDITOR = EnumSet.of(Role.AUDITOR);
    private static final Set<Role> COMMANDER = EnumSet.of(Role.INCIDENT_COMMANDER);
    private static final Set<Role> DECIDERS = EnumSet.of(Role.OPERATOR, Role.INCIDENT_COMMANDER);
    private static final Map<String, Set<Role>> EXPECTED = Map.ofEntries(
            entry("meridian.v1.SessionService/GetSession", ANY),
            entry("meridian.v1.TopologyService/GetTopology", ANY),
            entry("meridian.v1.TopologyService/WatchTopology", ANY),
            entry("meridian.v1.TelemetryService/StreamTelemetry", ANY),
            entry("meridian.v1.TelemetryService/GetTelemetryHistory", ANY),
            entry("grpc.health.v1.Health/Check", ANY),
            entry("grpc.health.v1.Health/Watch", ANY),
            entry("grpc.reflection.v1.ServerReflection/ServerReflectionInfo", ANY),
            entry("meridian.v1.AuditService/GetLatestCheckpoint", ANY),
            entry("meridian.v1.AuditService/GetSignerKeys", ANY),
            entry("meridian.v1.AuditService/GetConsistencyProof", ANY),
            entry("meridian.v1.AuditService/StreamEntries", AUDITOR),
            entry("meridian.v1.AuditService/LookupQueryId", AUDITOR),
            entry("meridian.v1.AuditService/GetInclusionProof", AUDITOR),
            entry("meridian.v1.SimulatorControlService/InjectLagSpike", COMMANDER),
            entry("meridian.v1.SimulatorControlService/PartitionLink", COMMANDER),
            entry("meridian.v1.SimulatorControlService/SkewClock", COMMANDER),
            entry("meridian.v1.SimulatorControlService/ShiftWorkload", COMMANDER),
            entry("meridian.v1.SimulatorControlService/CrashReplica", COMMANDER),
            entry("meridian.v1.SimulatorControlService/FailRegion", COMMANDER),
            entry("meridian.v1.SimulatorControlService/ClearFaults", COMMANDER),
            entry("meridian.v1.FailoverService/ListProposals", ANY),
            entry("meridian.v1.FailoverService/GetProposal", ANY),
            entry("meridian.v1.FailoverService/WatchProposals", ANY),
            entry("meridian.v1.FailoverService/RefreshDryRun", ANY),
            entry("meridian.v1.FailoverService/RequestSwitchover", DECIDERS),
            entry("meridian.v1.FailoverService/Decide", DECIDERS),
            entry("meridian.v1.DrillService/StartDrill", COMMANDER),
            entry("meridian.v1.DrillService/AbortDrill", COMMANDER),
            entry("meridian.v1.DrillService/WatchDrill", ANY),
            entry("meridian.v1.DrillService/GetDrillReport", ANY),
            entry("meridian.v1.DrillService/ListDrills", ANY),
            entry("meridian.v1.DrillService/ConfirmDrillStep", ANY));
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    @TempDir
    static Path dir;
    private static BackendServer server;
    private static final Map<Role, ManagedChannel> CHANNELS = new TreeMap<>();

    @BeforeAll
    static void start() throws Exception {
        var pki = TestPki.create(dir, "matrix");
        var members = new ArrayList<DemoTeam.Member>();
        for (var role : Role.values()) {
            members.add(new DemoTeam.Member(id(role), role.label(), Set.of(role)));
        }
        var options = new SimulatedBackend.Options(ShippedScenarios.load("hvac-multi-region"), 1,
                InetAddress.getLoopbackAddress(), 0, Duration.ofSeconds(1), pki.serverCertificate(), pki.serverKey(),
                pki.caFile(), AccessPolicy.certificates(DemoTeam.generate(members)));
        server = SimulatedBackend.start(options, new SimulatedAuditLog.Options(Files.createDirectories(
                dir.resolve("audit")), "matrix test passphrase".toCharArray(), 10));
        for (var role : Role.values()) {
            var client = pki.client(id(role), pki.caFile());
            var ssl = GrpcSslContexts.forClient().trustManager(pki.caFile().toFile())
                    .keyManager(client.clientKey(), certificates(client.clientCertificate())).build();
            CHANNELS.put(role, NettyChannelBuilder.forAddress("localhost", server.port()).sslContext(ssl).build());
        }
    }

    private static X509Certificate[] certificates(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toArray(X509Certificate[]::new);
        }
    }

    @AfterAll
    static void stop() {
        CHANNELS.values().forEach(ManagedChannel::shutdownNow);
        if (server != null) {
            server.close();
        }
    }

    private static String id(Role role) {
        return "matrix." + role.label();
    }

    @Test
    void everyServedMethodIsInTheAccessTable() {
        var table = MethodRoles.standard();
        assertThat(server.methods()).isNotEmpty().allSatisfy(method ->
                assertThat(table.rolesFor(method.getFullMethodName())).as(method.getFullMethodName()).isPresent());
    }

    @Test
    void everyMethodTimesEveryRoleIsAllowedOrDeniedAsTheMatrixSays() throws Exception {
        var served = server.methods().stream().map(MethodDescriptor::getFullMethodName).sorted().toList();
        assertThat(served).as("the methods this test covers").containsExactlyInAnyOrderElementsOf(
                EXPECTED.keySet());
        var outcomes = new ArrayList<String>();
        var expected = new ArrayList<String>();
        for (var method : server.methods()) {
            for (var role : Role.values()) {
                var status = call(CHANNELS.get(role), method);
                // A refusal comes at once; anything else proves the call passed the role check and reached the
                // service, except a call that never got there or was not known.
                assertThat(status.getCode()).as("%s as %s: %s", method.getFullMethodName(), role, status)
                        .isNotIn(Status.Code.UNAUTHENTICATED, Status.Code.UNAVAILABLE, Status.Code.UNIMPLEMENTED);
                var row = method.getFullMethodName() + " as " + role.label() + ": ";
                outcomes.add(row + (status.getCode() == Status.Code.PERMISSION_DENIED ? "denied" : "allowed"));
                expected.add(row + (EXPECTED.get(method.getFullMethodName()).contains(role) ? "allowed" : "denied"));
                if (status.getCode() == Status.Code.PERMISSION_DENIED) {
                    assertThat(status.getDescription()).contains(method.getFullMethodName(), id(role),
                            role.label());
                }
            }
        }
        assertThat(outcomes).containsExactlyElementsOf(expected);
    }

    /**
     * Calls the method with an empty request (the default message of any request type) and returns how it ended:
     * OK when it answered anything, else its status. Streams are cancelled after their first message.
     */
    private static Status call(ManagedChannel channel, MethodDescriptor<?, ?> method) throws Exception {
        var generic = MethodDescriptor.<byte[], byte[]>newBuilder().setFullMethodName(method.getFullMethodName())
                .setType(method.getType()).setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
        var outcome = new CompletableFuture<Status>();
        ClientCall<byte[], byte[]> call = channel.newCall(generic, CallOptions.DEFAULT
                .withDeadlineAfter(10, TimeUnit.SECONDS));
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onMessage(byte[] message) {
                outcome.complete(Status.OK);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                outcome.complete(status);
            }
        }, new Metadata());
        call.sendMessage(new byte[0]);
        call.halfClose();
        call.request(1);
        try {
            return outcome.get(15, TimeUnit.SECONDS);
        } finally {
            call.cancel("the test has its answer", null);
        }
    }
}
