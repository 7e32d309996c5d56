package io.meridian.client.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.session.Caller;
import io.meridian.model.session.PlatformInfo;
import io.meridian.model.session.Role;
import io.meridian.model.session.ServerIdentity;
import io.meridian.model.session.SessionInfo;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionMapperTest {
    private static SessionInfo session(Set<Role> roles) {
        return new SessionInfo(
                new ServerIdentity("meridian-backend", "0.1.0", 1, 3, "3f6c-instance",
                        Instant.parse("2026-01-25T08:00:00.000000001Z")),
                new PlatformInfo("simulator", "Simulated platform", true, "phase-7p", "Phase 7P Global Scale",
                        -1234567890123L),
                new Caller("alice", roles, "loopback"),
                Instant.parse("2026-01-25T09:30:15.5Z"));
    }

    @Test
    void roundTripsWithEveryRole() {
        var info = session(EnumSet.allOf(Role.class));
        assertThat(SessionMapper.fromProto(SessionMapper.toProto(info))).isEqualTo(info);
    }

    @Test
    void roundTripsEachRoleAlone() {
        for (var role : Role.values()) {
            var info = session(Set.of(role));
            assertThat(SessionMapper.fromProto(SessionMapper.toProto(info))).as(role.name()).isEqualTo(info);
        }
    }

    @Test
    void roundTripsWithNoRoles() {
        var info = session(Set.of());
        var back = SessionMapper.fromProto(SessionMapper.toProto(info));
        assertThat(back).isEqualTo(info);
        assertThat(back.caller().readOnly()).isTrue();
    }

    @Test
    void roundTripsThroughBytes() throws Exception {
        var info = session(EnumSet.of(Role.OPERATOR, Role.AUDITOR));
        var bytes = SessionMapper.toProto(info).toByteArray();
        assertThat(SessionMapper.fromProto(io.meridian.api.v1.Session.parseFrom(bytes))).isEqualTo(info);
    }

    @Test
    void rolesAreSentInEnumOrder() {
        var proto = SessionMapper.toProto(session(EnumSet.of(Role.AUDITOR, Role.VIEWER)));
        assertThat(proto.getCaller().getRolesList()).containsExactly(
                io.meridian.api.v1.Role.ROLE_VIEWER, io.meridian.api.v1.Role.ROLE_AUDITOR);
    }

    @Test
    void unknownAndUnspecifiedRoleNumbersAreIgnored() throws Exception {
        var proto = SessionMapper.toProto(session(Set.of(Role.VIEWER)));
        var withUnknown = proto.toBuilder().setCaller(proto.getCaller().toBuilder()
                .addRolesValue(99).addRolesValue(0).addRolesValue(1000)
                .addRoles(io.meridian.api.v1.Role.ROLE_OPERATOR)).build();
        var expected = session(Set.of(Role.VIEWER, Role.OPERATOR));
        assertThat(SessionMapper.fromProto(withUnknown)).isEqualTo(expected);
        // the same after the wire, where the unknown numbers are kept as unrecognized values
        var parsed = io.meridian.api.v1.Session.parseFrom(withUnknown.toByteArray());
        assertThat(parsed.getCaller().getRolesValueList()).contains(99, 1000);
        assertThat(SessionMapper.fromProto(parsed)).isEqualTo(expected);
    }

    @Test
    void onlyUnknownRolesGrantNothing() {
        var proto = SessionMapper.toProto(session(Set.of()));
        var withUnknown = proto.toBuilder().setCaller(proto.getCaller().toBuilder().addRolesValue(77)).build();
        var back = SessionMapper.fromProto(withUnknown);
        assertThat(back.caller().roles()).isEmpty();
        assertThat(back.caller().readOnly()).isTrue();
    }
}
