package io.meridian.console.userdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDataTest {
    @TempDir
    Path home;

    private UserDirectories directories() {
        return UserDirectories.resolve("Linux", Map.of("XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_DATA_HOME", home.resolve("data").toString(), "XDG_STATE_HOME",
                home.resolve("state").toString()), home);
    }

    @Test
    void missingDirectoriesAreCreatedOwnerOnly() throws Exception {
        var data = UserData.open(directories(), Clock.systemUTC());
        for (var dir : new Path[] {data.directories().config(), data.directories().data(),
                data.directories().state()}) {
            assertThat(dir).isDirectory();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        }
        assertThat(data.preferences()).isEqualTo(Preferences.DEFAULTS);
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsNamedWithTheVariableToChange() throws Exception {
        // A regular file where the configuration directory's parent should be: creation fails for any user.
        Files.writeString(home.resolve("config"), "not a directory");
        assertThatThrownBy(() -> UserData.open(directories(), Clock.systemUTC()))
                .isInstanceOf(UserDataException.class)
                .hasMessageContaining("configuration directory " + home.resolve("config").resolve("meridian"))
                .hasMessageContaining("XDG_CONFIG_HOME");
    }
}
