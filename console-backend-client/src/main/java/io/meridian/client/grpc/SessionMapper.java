package io.meridian.client.grpc;

import static io.meridian.client.grpc.ProtoTime.instant;
import static io.meridian.client.grpc.ProtoTime.timestamp;

import io.meridian.api.v1.Session;
import io.meridian.model.session.Caller;
import io.meridian.model.session.PlatformInfo;
import io.meridian.model.session.Role;
import io.meridian.model.session.ServerIdentity;
import io.meridian.model.session.SessionInfo;
import java.util.EnumSet;

/** Maps session messages of meridian.v1 to the domain model and back. */
public final class SessionMapper {
    private SessionMapper() {
    }

    public static Session toProto(SessionInfo info) {
        var server = info.server();
        var platform = info.platform();
        var caller = info.caller();
        return Session.newBuilder()
                .setServer(io.meridian.api.v1.ServerIdentity.newBuilder()
                        .setName(server.name()).setVersion(server.version())
                        .setApiMajor(server.apiMajor()).setApiMinor(server.apiMinor())
                        .setInstanceId(server.instanceId()).setStartedAt(timestamp(server.startedAt())))
                .setPlatform(io.meridian.api.v1.PlatformInfo.newBuilder()
                        .setKind(platform.kind()).setDisplayName(platform.displayName())
                        .setSimulated(platform.simulated()).setScenarioName(platform.scenarioName())
                        .setScenarioTitle(platform.scenarioTitle()).setSeed(platform.seed()))
                .setCaller(io.meridian.api.v1.Caller.newBuilder()
                        .setIdentity(caller.identity())
                        .addAllRoles(caller.roles().stream().sorted()
                                .map(r -> io.meridian.api.v1.Role.valueOf("ROLE_" + r.name())).toList())
                        .setAuthentication(caller.authentication()))
                .setServerTime(timestamp(info.serverTime()))
                .setDemoIdentities(info.demoIdentities())
                .build();
    }

    public static SessionInfo fromProto(Session s) {
        var server = s.getServer();
        var platform = s.getPlatform();
        var roles = EnumSet.noneOf(Role.class);
        for (var role : s.getCaller().getRolesList()) {
            // A role this version does not know grants nothing here; the server still enforces it.
            if (role.name().startsWith("ROLE_") && role != io.meridian.api.v1.Role.ROLE_UNSPECIFIED
                    && role != io.meridian.api.v1.Role.UNRECOGNIZED) {
                roles.add(Role.valueOf(role.name().substring("ROLE_".length())));
            }
        }
        return new SessionInfo(
                new ServerIdentity(server.getName(), server.getVersion(), server.getApiMajor(),
                        server.getApiMinor(), server.getInstanceId(), instant(server.getStartedAt())),
                new PlatformInfo(platform.getKind(), platform.getDisplayName(), platform.getSimulated(),
                        platform.getScenarioName(), platform.getScenarioTitle(), platform.getSeed()),
                new Caller(s.getCaller().getIdentity(), roles, s.getCaller().getAuthentication()),
                instant(s.getServerTime()), s.getDemoIdentities());
    }
}
