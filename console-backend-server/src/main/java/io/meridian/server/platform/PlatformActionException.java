package io.meridian.server.platform;

/**
 * A platform action that did not complete. The message names the region and server and says what went wrong, in
 * words an incident commander can act on; the workflow stops the run and shows it.
 */
public final class PlatformActionException extends Exception {
    public PlatformActionException(String message) {
        super(message);
    }

    public PlatformActionException(String message, Throwable cause) {
        super(message, cause);
    }
}
