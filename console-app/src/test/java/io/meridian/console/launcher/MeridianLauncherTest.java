package io.meridian.console.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.console.launcher.MeridianLauncher.Target;
import org.junit.jupiter.api.Test;

class MeridianLauncherTest {
    @Test
    void backendAsFirstWordRunsTheStandaloneBackendWithTheRest() {
        var route = MeridianLauncher.route(new String[] {"backend", "--port", "0"});
        assertThat(route.target()).isEqualTo(Target.BACKEND);
        assertThat(route.args()).containsExactly("--port", "0");
    }

    @Test
    void everythingElseReachesTheConsoleUnchanged() {
        String[] verify = {"verify-bundle", "bundle.zip", "--help"};
        var route = MeridianLauncher.route(verify);
        assertThat(route.target()).isEqualTo(Target.CONSOLE);
        assertThat(route.args()).isSameAs(verify);

        assertThat(MeridianLauncher.route(new String[0]).target()).isEqualTo(Target.CONSOLE);
        assertThat(MeridianLauncher.route(new String[] {"--scenario", "backend"}).target())
                .isEqualTo(Target.CONSOLE);
    }
}
