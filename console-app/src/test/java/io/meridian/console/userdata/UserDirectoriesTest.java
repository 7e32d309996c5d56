package io.meridian.console.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDirectoriesTest {
    private static final Path HOME = Path.of("/home/ops");

    @Test
    void linuxFollowsXdgVariables() {
        var dirs = UserDirectories.resolve("Linux", Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/dat",
                "XDG_STATE_HOME", "/st"), HOME);
        assertThat(dirs.config()).isEqualTo(Path.of("/cfg/meridian"));
        assertThat(dirs.data()).isEqualTo(Path.of("/dat/meridian"));
        assertThat(dirs.state()).isEqualTo(Path.of("/st/meridian"));
        assertThat(dirs.originOf(dirs.state())).isEqualTo("XDG_STATE_HOME");
    }

    @Test
    void linuxFallsBackToTheXdgDefaultsWhenUnsetEmptyOrRelative() {
        var dirs = UserDirectories.resolve("Linux", Map.of("XDG_CONFIG_HOME", "", "XDG_DATA_HOME", "relative/dir"),
                HOME);
        assertThat(dirs.config()).isEqualTo(Path.of("/home/ops/.config/meridian"));
        assertThat(dirs.data()).isEqualTo(Path.of("/home/ops/.local/share/meridian"));
        assertThat(dirs.state()).isEqualTo(Path.of("/home/ops/.local/state/meridian"));
    }

    @Test
    void homeIsTheHomeVariableWhenAbsolute() {
        var fromJvm = Path.of("/from/passwd");
        assertThat(UserDirectories.home(Map.of("HOME", "/home/other"), fromJvm)).isEqualTo(Path.of("/home/other"));
        assertThat(UserDirectories.home(Map.of("HOME", "relative"), fromJvm)).isEqualTo(fromJvm);
        assertThat(UserDirectories.home(Map.of(), fromJvm)).isEqualTo(fromJvm);
    }

    @Test
    void macOsUsesApplicationSupport() {
        var dirs = UserDirectories.resolve("Mac OS X", Map.of("XDG_CONFIG_HOME", "/ignored"), HOME);
        assertThat(dirs.config()).isEqualTo(Path.of("/home/ops/Library/Application Support/Meridian"));
        assertThat(dirs.state()).isEqualTo(Path.of("/home/ops/Library/Application Support/Meridian/State"));
    }

    @Test
    void windowsUsesRoamingAndLocalAppData() {
        var dirs = UserDirectories.resolve("Windows 11", Map.of("APPDATA", "/appdata/roaming", "LOCALAPPDATA",
                "/appdata/local"), HOME);
        assertThat(dirs.config()).isEqualTo(Path.of("/appdata/roaming/Meridian"));
        assertThat(dirs.state()).isEqualTo(Path.of("/appdata/local/Meridian"));
        assertThat(dirs.originOf(dirs.config())).isEqualTo("%APPDATA%");
    }
}
