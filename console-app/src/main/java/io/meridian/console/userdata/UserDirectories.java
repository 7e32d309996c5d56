package io.meridian.console.userdata;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Meridian keeps a user's files, following each platform's convention so that nothing is written next to the
 * installation: XDG base directories on Linux and other Unix systems, {@code ~/Library/Application Support} on
 * macOS, {@code %APPDATA%} and {@code %LOCALAPPDATA%} on Windows.
 *
 * @param config preferences a user may edit or copy to another machine
 * @param data   files the user's work produces (pinned trust roots, verified checkpoints, keys)
 * @param state  what only this machine needs: the single-instance lock
 * @param origin how each directory was chosen, named in error messages (e.g. "XDG_CONFIG_HOME")
 */
public record UserDirectories(Path config, Path data, Path state, Map<Path, String> origin) {
    static final String APP = "meridian";

    /** The directories for this process: its operating system, environment and home directory. */
    public static UserDirectories current() {
        return resolve(System.getProperty("os.name", ""), System.getenv(), home(System.getenv(),
                Path.of(System.getProperty("user.home"))));
    }

    /** $HOME when it is an absolute path, as the XDG rules and every shell use it; else the JVM's user.home. */
    static Path home(Map<String, String> env, Path userHome) {
        var value = env.get("HOME");
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : userHome;
    }

    /** The directories for the given operating system name ({@code os.name}), environment and home directory. */
    static UserDirectories resolve(String osName, Map<String, String> env, Path home) {
        var os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            var roaming = base(env, "APPDATA", home.resolve("AppData").resolve("Roaming")).resolve("Meridian");
            var local = base(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local")).resolve("Meridian");
            return new UserDirectories(roaming, roaming, local,
                    Map.of(roaming, "%APPDATA%", local, "%LOCALAPPDATA%"));
        }
        if (os.startsWith("mac")) {
            var support = home.resolve("Library").resolve("Application Support").resolve("Meridian");
            var state = support.resolve("State");
            return new UserDirectories(support, support, state,
                    Map.of(support, "~/Library/Application Support", state, "~/Library/Application Support"));
        }
        var config = base(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP);
        var data = base(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve(APP);
        var state = base(env, "XDG_STATE_HOME", home.resolve(".local").resolve("state")).resolve(APP);
        return new UserDirectories(config, data, state,
                Map.of(config, "XDG_CONFIG_HOME", data, "XDG_DATA_HOME", state, "XDG_STATE_HOME"));
    }

    /** The variable's directory when it is set to an absolute path (the XDG rule: ignore relative ones). */
    private static Path base(Map<String, String> env, String variable, Path fallback) {
        var value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        var path = Path.of(value);
        return path.isAbsolute() ? path : fallback;
    }

    /** How {@code directory} was chosen, for messages: the variable or convention that names its parent. */
    public String originOf(Path directory) {
        return origin.getOrDefault(directory, "the platform's convention");
    }
}
