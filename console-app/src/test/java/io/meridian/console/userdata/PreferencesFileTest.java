package io.meridian.console.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aMissingFileGivesTheDefaultsSilently() {
        var loaded = new PreferencesFile(dir, CLOCK).load();
        assertThat(loaded.preferences()).isEqualTo(Preferences.DEFAULTS);
        assertThat(loaded.notice()).isEmpty();
    }

    @Test
    void savedPreferencesReadBackOwnerOnly() throws Exception {
        var file = new PreferencesFile(dir, CLOCK);
        var preferences = new Preferences(new Preferences.WindowBounds(10, 20, 1200, 800, true), "sovren");
        file.save(preferences);
        assertThat(file.load().preferences()).isEqualTo(preferences);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws Exception {
        Files.writeString(dir.resolve(PreferencesFile.NAME), "{\"lastScenario\":\"sovren\",\"theme\":\"light\"}");
        assertThat(new PreferencesFile(dir, CLOCK).load().preferences().lastScenario()).isEqualTo("sovren");
    }

    @Test
    void aDamagedFileIsKeptAsideAndTheDefaultsUsedWithANotice() throws Exception {
        var path = dir.resolve(PreferencesFile.NAME);
        Files.writeString(path, "{\"window\": {\"x\": 1, ");
        var loaded = new PreferencesFile(dir, CLOCK).load();
        var backup = dir.resolve("preferences.json.corrupt-20261125-120000");
        assertThat(loaded.preferences()).isEqualTo(Preferences.DEFAULTS);
        assertThat(loaded.notice()).hasValueSatisfying(notice -> assertThat(notice)
                .contains(path.toString(), backup.toString(), "default preferences"));
        assertThat(backup).hasContent("{\"window\": {\"x\": 1, ");
        assertThat(path).doesNotExist();
    }

    @Test
    void impossibleWindowBoundsCountAsDamage() throws Exception {
        Files.writeString(dir.resolve(PreferencesFile.NAME),
                "{\"window\":{\"x\":0,\"y\":0,\"width\":3,\"height\":2,\"maximized\":false}}");
        var loaded = new PreferencesFile(dir, CLOCK).load();
        assertThat(loaded.preferences()).isEqualTo(Preferences.DEFAULTS);
        assertThat(loaded.notice()).hasValueSatisfying(notice -> assertThat(notice).contains("damaged"));
    }
}
