package io.meridian.console.userdata;

import java.time.Clock;
import java.util.Optional;

/**
 * The console's per-user files, opened once at start: the directories exist and are private, the preferences are
 * read (or defaults with a notice), and saving goes to the same file.
 */
public final class UserData {
    private final UserDirectories directories;
    private final PreferencesFile preferencesFile;
    private final Preferences preferences;
    private final Optional<String> notice;

    private UserData(UserDirectories directories, PreferencesFile file, PreferencesFile.Loaded loaded) {
        this.directories = directories;
        this.preferencesFile = file;
        this.preferences = loaded.preferences();
        this.notice = loaded.notice();
    }

    /** Creates the missing directories owner-only and reads the preferences. */
    public static UserData open(UserDirectories directories, Clock clock) throws UserDataException {
        PrivateFiles.directory(directories.config(), "configuration", directories.originOf(directories.config()));
        PrivateFiles.directory(directories.data(), "data", directories.originOf(directories.data()));
        PrivateFiles.directory(directories.state(), "state", directories.originOf(directories.state()));
        var file = new PreferencesFile(directories.config(), clock);
        return new UserData(directories, file, file.load());
    }

    public UserDirectories directories() {
        return directories;
    }

    /** The preferences as read at start. */
    public Preferences preferences() {
        return preferences;
    }

    /** What the user must be told about the preferences file (damaged, unreadable), if anything. */
    public Optional<String> notice() {
        return notice;
    }

    public void save(Preferences updated) throws UserDataException {
        preferencesFile.save(updated);
    }
}
