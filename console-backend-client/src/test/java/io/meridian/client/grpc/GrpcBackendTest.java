package io.meridian.client.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.meridian.api.v1.GetSessionRequest;
import io.meridian.api.v1.ServerIdentity;
import io.meridian.api.v1.Session;
import io.meridian.api.v1.SessionServiceGrpc;
import io.meridian.client.Backend;
import io.meridian.client.BackendAddress;
import io.meridian.client.BackendException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GrpcBackendTest {
    private Server server;
    private ManagedChannel channel;

    @AfterEach
    void stop() throws Exception {
        if (channel != null) {
            channel.shutdownNow();
        }
        if (server != null) {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private GrpcBackend backendAnswering(int apiMajor) throws Exception {
        var name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(new SessionServiceGrpc.SessionServiceImplBase() {
                    @Override
                    public void getSession(GetSessionRequest request, StreamObserver<Session> responses) {
                        responses.onNext(Session.newBuilder().setServer(ServerIdentity.newBuilder()
                                .setName("future-backend").setVersion("9.0").setApiMajor(apiMajor).setApiMinor(3))
                                .build());
                        responses.onCompleted();
                    }
                }).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        return new GrpcBackend("in-process", channel, Clock.systemUTC());
    }

    @Test
    void aBackendOfAnotherApiMajorIsRefusedWithBothVersionsNamed() throws Exception {
        var backend = backendAnswering(2);
        assertThatThrownBy(backend::session).isInstanceOfSatisfying(BackendException.class, e -> {
            assertThat(e.kind()).isEqualTo(BackendException.Kind.INCOMPATIBLE);
            assertThat(e.getMessage()).contains("meridian API 2.3").contains("speaks 1.");
        });
    }

    @Test
    void aBackendOfTheSameMajorIsAccepted() throws Exception {
        assertThat(backendAnswering(1).session().server().name()).isEqualTo("future-backend");
    }

    @Test
    void aServerWithoutTheApiIsNamedAsSuch() throws Exception {
        var name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        var backend = new GrpcBackend("in-process", channel, Clock.systemUTC());
        assertThatThrownBy(backend::session).isInstanceOfSatisfying(BackendException.class, e -> {
            assertThat(e.kind()).isEqualTo(BackendException.Kind.INCOMPATIBLE);
            assertThat(e.getMessage()).contains("does not offer the meridian.v1 API");
        });
    }

    @Test
    void anUnreachableBackendFailsPromptlyWithTheAddress() throws Exception {
        int freePort;
        try (var socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        try (var backend = Backend.connect(new BackendAddress("127.0.0.1", freePort), null)) {
            assertThatThrownBy(backend::session).isInstanceOfSatisfying(BackendException.class, e -> {
                assertThat(e.kind()).isEqualTo(BackendException.Kind.UNREACHABLE);
                assertThat(e.getMessage()).contains("127.0.0.1:" + freePort).contains("unreachable");
            });
        }
    }
}
