package io.meridian.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A passphrase kept in a file (the first line, without its line end) rather than on a command line, where other
 * users of the machine could read it in the process list. Messages name the file, never its content.
 */
public final class PassphraseFile {
    private PassphraseFile() {
    }

    /** The passphrase of {@code file}, at least {@code minLength} characters long. */
    public static char[] read(Path file, int minLength) throws KeyFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new KeyFileException("passphrase file " + file + ": no such file");
        } catch (IOException e) {
            throw new KeyFileException("passphrase file " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        var line = text.lines().findFirst().orElse("");
        if (line.isEmpty() || line.length() < minLength) {
            throw new KeyFileException("passphrase file " + file + ": the passphrase on its first line has "
                    + line.length() + " characters; it needs at least " + Math.max(1, minLength));
        }
        return line.toCharArray();
    }
}
