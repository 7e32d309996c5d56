package io.meridian.keys;

/**
 * A key file that cannot be read, decrypted or written. The message names the file and what is wrong, and never
 * holds the passphrase or any key material, so it can be shown and logged as it is.
 */
public final class KeyFileException extends Exception {
    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
