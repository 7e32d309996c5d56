package io.meridian.console.userdata;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the user's directories and files readable by their owner only: preferences, trust roots and keys are
 * nobody else's business on a shared workstation. On file systems without POSIX permissions (Windows) the
 * per-user profile directories are already private, and the defaults are kept.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Makes {@code directory} exist, owner-only, and writable.
     *
     * @param origin how the directory was chosen (e.g. "XDG_CONFIG_HOME"), so the message says what to change
     */
    public static Path directory(Path directory, String purpose, String origin) throws UserDataException {
        try {
            if (!Files.isDirectory(directory)) {
                if (posix(directory)) {
                    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
                } else {
                    Files.createDirectories(directory);
                }
            }
            if (posix(directory)) {
                Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
            }
        } catch (IOException e) {
            throw new UserDataException("cannot create the " + purpose + " directory " + directory + " ("
                    + reason(e) + "); make it writable or point " + origin + " at a writable directory", e);
        }
        if (!Files.isWritable(directory)) {
            throw new UserDataException("the " + purpose + " directory " + directory + " is not writable; fix its "
                    + "permissions or point " + origin + " at a writable directory");
        }
        return directory;
    }

    /** Replaces {@code target} with {@code content} in one step, so a crash never leaves half a file. */
    public static void write(Path target, byte[] content) throws IOException {
        var temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temporary, content);
        if (posix(temporary)) {
            Files.setPosixFilePermissions(temporary, OWNER_FILE);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Opens (creating owner-only if needed) a file to hold a lock on. */
    static FileChannel openForLocking(Path file) throws IOException {
        if (posix(file)) {
            return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(OWNER_FILE));
        }
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
