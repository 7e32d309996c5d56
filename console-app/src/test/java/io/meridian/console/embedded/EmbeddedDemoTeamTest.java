package io.meridian.console.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.client.ActingIdentity;
import io.meridian.console.userdata.UserDirectories;
import io.meridian.model.session.Role;
import io.meridian.sim.ShippedScenarios;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded backend's demo team: the console starts as the member named, and switching changes the caller. */
class EmbeddedDemoTeamTest {
    @Test
    void theConsoleActsAsTheNamedMemberAndSwitchingChangesWhoTheBackendSees(@TempDir Path home) throws Exception {
        try (var backend = EmbeddedBackend.start(ShippedScenarios.load("phase-7p"), 3, "lena.hoffmann",
                audit(home))) {
            var identities = backend.identities();
            assertThat(identities.demo()).isTrue();
            assertThat(identities.current()).map(ActingIdentity::id).contains("lena.hoffmann");
            assertThat(backend.session().caller().identity()).isEqualTo("lena.hoffmann");

            var commander = identities.choices().stream()
                    .filter(m -> m.roles().contains(Role.INCIDENT_COMMANDER)).findFirst().orElseThrow();
            identities.actAs(commander);
            var caller = backend.session().caller();
            assertThat(caller.identity()).isEqualTo(commander.id());
            assertThat(caller.roles()).contains(Role.INCIDENT_COMMANDER);
            // The key the console signs with is the one the backend verifies against.
            assertThat(commander.signingKey().publicKey())
                    .isEqualTo(backend.team().find(commander.id()).orElseThrow().signingKey());
        }
    }

    @Test
    void withoutANameTheConsoleIsTheAnonymousViewerAndMayChooseLater(@TempDir Path home) throws Exception {
        try (var backend = EmbeddedBackend.start(ShippedScenarios.load("phase-7p"), 3, null, audit(home))) {
            assertThat(backend.identities().current()).isEmpty();
            assertThat(backend.identities().choices()).isNotEmpty();
            assertThat(backend.session().caller().roles()).containsExactly(Role.VIEWER);
        }
    }

    private static EmbeddedAudit audit(Path home) {
        return new EmbeddedAudit(new UserDirectories(home.resolve("config"), home.resolve("data"),
                home.resolve("state"), Map.of()));
    }
}
