package io.meridian.console.userdata;

/** A user directory or file Meridian cannot use; the message names the path and what to do, for the user as is. */
public final class UserDataException extends Exception {
    public UserDataException(String message) {
        super(message);
    }

    public UserDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
