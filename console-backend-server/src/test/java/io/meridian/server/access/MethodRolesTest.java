package io.meridian.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.session.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table's decisions where the matrix test over TLS cannot reach: services that do not exist yet, and none. */
class MethodRolesTest {
    private final MethodRoles table = MethodRoles.standard();

    @Test
    void anUnknownMethodIsDeniedToEveryone() {
        assertThat(table.rolesFor("meridian.v1.NewService/DoIt")).isEmpty();
        assertThat(table.allows("meridian.v1.NewService/DoIt", MethodRoles.ANY_ROLE)).isFalse();
    }

    @Test
    void failoverDecisionsNeedAnOperatorOrIncidentCommanderAndReadingNeedsAnyRole() {
        for (var method : Set.of("RequestSwitchover", "Decide")) {
            var name = "meridian.v1.FailoverService/" + method;
            assertThat(table.rolesFor(name)).contains(Set.of(Role.OPERATOR, Role.INCIDENT_COMMANDER));
        }
        for (var method : Set.of("ListProposals", "GetProposal", "WatchProposals", "RefreshDryRun")) {
            assertThat(table.rolesFor("meridian.v1.FailoverService/" + method)).contains(MethodRoles.ANY_ROLE);
        }
    }

    @Test
    void drillsAreStartedAndAbortedByIncidentCommandersAndFollowedByAnyRole() {
        for (var method : Set.of("StartDrill", "AbortDrill")) {
            assertThat(table.rolesFor("meridian.v1.DrillService/" + method)).contains(Set.of(Role.INCIDENT_COMMANDER));
        }
        for (var method : Set.of("WatchDrill", "GetDrillReport", "ListDrills")) {
            assertThat(table.rolesFor("meridian.v1.DrillService/" + method)).contains(MethodRoles.ANY_ROLE);
        }
    }

    @Test
    void aCallerWithoutRolesMayCallNothing() {
        assertThat(table.allows("meridian.v1.SessionService/GetSession", Set.of())).isFalse();
    }
}
