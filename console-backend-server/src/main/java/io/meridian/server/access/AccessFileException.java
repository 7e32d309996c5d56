package io.meridian.server.access;

/**
 * An access file that cannot be used. The message names the file and every problem in it (line and column, or the
 * JSON path), so it can be shown to an administrator as it is; it never holds key material beyond public keys.
 */
public final class AccessFileException extends Exception {
    public AccessFileException(String message) {
        super(message);
    }

    public AccessFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
