package io.meridian.console.embedded;

import io.meridian.client.ActingIdentities;
import io.meridian.client.ActingIdentity;
import io.meridian.server.access.DemoTeam;
import java.util.Optional;

/**
 * The demo team of a backend in this process as identities the console can act as: each member with the private key
 * the team made for them at start, so that the console signs their decisions without key files.
 */
public final class DemoTeamIdentities {
    private DemoTeamIdentities() {
    }

    /** The team, acting first as the member {@code initialId}, or as the anonymous viewer when empty. */
    public static ActingIdentities of(DemoTeam team, Optional<String> initialId) {
        var members = team.identities().stream().map(member -> new ActingIdentity(member.id(), member.displayName(),
                member.roles(), team.signingKey(member.id()).orElseThrow(() -> new IllegalStateException(
                        "demo team member " + member.id() + " has no signing key")))).toList();
        var initial = initialId.map(id -> members.stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(id + " is not a member of the demo team")));
        return ActingIdentities.demoTeam(members, initial);
    }
}
