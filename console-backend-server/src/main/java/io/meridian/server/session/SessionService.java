package io.meridian.server.session;

import io.grpc.stub.StreamObserver;
import io.meridian.api.v1.GetSessionRequest;
import io.meridian.api.v1.Session;
import io.meridian.api.v1.SessionServiceGrpc;
import io.meridian.client.grpc.SessionMapper;
import io.meridian.model.session.PlatformInfo;
import io.meridian.model.session.ServerIdentity;
import io.meridian.model.session.SessionInfo;
import io.meridian.server.access.CallerInterceptor;
import java.time.Clock;

/** meridian.v1.SessionService: server identity, platform, the caller, and the server's clock. */
public final class SessionService extends SessionServiceGrpc.SessionServiceImplBase {
    private final ServerIdentity server;
    private final PlatformInfo platform;
    private final boolean demoIdentities;
    private final Clock clock;

    public SessionService(ServerIdentity server, PlatformInfo platform, boolean demoIdentities, Clock clock) {
        this.server = server;
        this.platform = platform;
        this.demoIdentities = demoIdentities;
        this.clock = clock;
    }

    @Override
    public void getSession(GetSessionRequest request, StreamObserver<Session> responses) {
        var caller = CallerInterceptor.CALLER.get();
        responses.onNext(SessionMapper.toProto(new SessionInfo(server, platform, caller, clock.instant(), demoIdentities)));
        responses.onCompleted();
    }
}
