package io.meridian.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.meridian.api.v1.GetSessionRequest;
import io.meridian.api.v1.GetTopologyRequest;
import io.meridian.api.v1.GetTopologyResponse;
import io.meridian.api.v1.Session;
import io.meridian.api.v1.SessionServiceGrpc;
import io.meridian.api.v1.TopologyServiceGrpc;
import io.meridian.client.grpc.DemoIdentityHeader;
import io.meridian.client.grpc.SessionMapper;
import io.meridian.model.session.Caller;
import io.meridian.model.session.MeridianVersion;
import io.meridian.model.session.PlatformInfo;
import io.meridian.model.session.Role;
import io.meridian.model.session.ServerIdentity;
import io.meridian.server.session.SessionService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who the backend takes a caller for, in process: the anonymous viewer without credentials, a demo team member
 * by name only on a demo backend, and nobody at all for a name the team lacks. The role check follows.
 */
class CallerInterceptorTest {
    private static final Caller ANONYMOUS = new Caller("anonymous", Set.of(Role.VIEWER), "none");
    private static final DemoTeam TEAM = DemoTeam.generate(List.of(
            new DemoTeam.Member("ana.ops", "Ana Ruiz", Set.of(Role.OPERATOR)),
            new DemoTeam.Member("bo.audit", "Bo Lind", Set.of(Role.AUDITOR))));

    private Server server;
    private ManagedChannel channel;
    private final AtomicReference<Identity> seenIdentity = new AtomicReference<>();

    private void start(AccessPolicy policy) throws Exception {
        var name = InProcessServerBuilder.generateName();
        var clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        var identity = new ServerIdentity("test", MeridianVersion.current(), 1, 0, "i", clock.instant());
        var platform = new PlatformInfo("simulator", "Test", true, "test", "Test", 1);
        // A topology service that only reports whose identity it saw, and one the table does not know.
        var topology = new TopologyServiceGrpc.TopologyServiceImplBase() {
            @Override
            public void getTopology(GetTopologyRequest request, StreamObserver<GetTopologyResponse> responses) {
                seenIdentity.set(CallerInterceptor.IDENTITY.get());
                responses.onNext(GetTopologyResponse.getDefaultInstance());
                responses.onCompleted();
            }
        };
        server = InProcessServerBuilder.forName(name).directExecutor()
                .intercept(new RoleInterceptor(MethodRoles.standard()))
                .intercept(new CallerInterceptor(ANONYMOUS, policy))
                .addService(new SessionService(identity, platform, policy.demoIdentities(), clock))
                .addService(topology)
                .build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    private Session session(String demoIdentity) {
        var stub = SessionServiceGrpc.newBlockingStub(channel);
        if (demoIdentity != null) {
            stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                    DemoIdentityHeader.of(demoIdentity)));
        }
        return stub.getSession(GetSessionRequest.getDefaultInstance());
    }

    @Test
    void withoutCredentialsTheCallerIsTheAnonymousViewer() throws Exception {
        start(AccessPolicy.demo(TEAM));
        var session = SessionMapper.fromProto(session(null));
        assertThat(session.caller()).isEqualTo(ANONYMOUS);
        assertThat(session.demoIdentities()).isTrue();
        TopologyServiceGrpc.newBlockingStub(channel).getTopology(GetTopologyRequest.getDefaultInstance());
        assertThat(seenIdentity.get()).isNull();
    }

    @Test
    void aDemoBackendTakesTheNamedMemberAndServicesSeeTheirIdentity() throws Exception {
        start(AccessPolicy.demo(TEAM));
        var caller = SessionMapper.fromProto(session("ana.ops")).caller();
        assertThat(caller.identity()).isEqualTo("ana.ops");
        assertThat(caller.roles()).containsExactly(Role.OPERATOR);
        assertThat(caller.authentication()).isEqualTo("demo identity (loopback, no TLS)");
        TopologyServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(DemoIdentityHeader.of("bo.audit")))
                .getTopology(GetTopologyRequest.getDefaultInstance());
        assertThat(seenIdentity.get().signingKey()).isEqualTo(TEAM.signingKey("bo.audit").orElseThrow().publicKey());
    }

    @Test
    void aNameTheTeamLacksIsUnauthenticatedNotAnonymous() throws Exception {
        start(AccessPolicy.demo(TEAM));
        assertThatThrownBy(() -> session("mallory")).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(e.getStatus().getDescription()).contains("'mallory' is not a member of this demo team");
        });
    }

    @Test
    void aBackendThatIsNoDemoRefusesDemoNames() throws Exception {
        start(AccessPolicy.certificates(TEAM));
        assertThatThrownBy(() -> session("ana.ops")).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(e.getStatus().getDescription()).contains("accepts demo identities only in its loopback demo");
        });
        assertThat(SessionMapper.fromProto(session(null)).demoIdentities()).isFalse();
    }
}
