package io.meridian.server.scenario;

/**
 * A scenario that cannot be used. The message names the file, the place in it (a JSON path, and a line and column
 * where the parser knows them) and what is wrong, so it can be shown to a user as it is, without a stack trace.
 */
public final class ScenarioException extends Exception {
    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
