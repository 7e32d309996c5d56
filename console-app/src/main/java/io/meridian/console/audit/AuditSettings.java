package io.meridian.console.audit;

import io.meridian.console.userdata.UserDirectories;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the auditor view takes from the console's set-up: the pinned trust roots, and the directory where the last
 * verified checkpoint of each log is remembered across restarts, with the evidence of any alarm beside it.
 *
 * @param pollInterval how often the backend's latest checkpoint is checked
 */
public record AuditSettings(TrustRoots roots, Path checkpointDirectory, Duration pollInterval) {
    /** The trusted keys file in the user's configuration directory, for backends other than the embedded one. */
    public static final String TRUSTED_KEYS_FILE = "trusted-keys.txt";

    /** The checkpoints directory under the user's data directory. */
    public static AuditSettings of(TrustRoots roots, UserDirectories directories) {
        return new AuditSettings(roots, directories.data().resolve("audit").resolve("checkpoints"),
                CheckpointWatch.POLL_INTERVAL);
    }

    /** No keys pinned, for the reason given: the auditor view then says verification is impossible. */
    public static AuditSettings unpinned(String why) {
        return new AuditSettings(TrustRoots.missing(why), null, CheckpointWatch.POLL_INTERVAL);
    }

    /** The pinned trust roots for a backend the console did not start: {@code file}, or the configuration's. */
    public static TrustRoots pinnedFor(Path file, UserDirectories directories) {
        if (file != null) {
            return TrustRoots.read(file, "Check the path given with --trust-roots.");
        }
        var configured = directories.config().resolve(TRUSTED_KEYS_FILE);
        return TrustRoots.read(configured, "Pin the log's checkpoint and region keys there (docs/audit-format.md "
                + "section 6), after checking them with the log's operator by another channel, or start the console "
                + "with --trust-roots FILE. The console never takes keys from the backend it verifies.");
    }
}
