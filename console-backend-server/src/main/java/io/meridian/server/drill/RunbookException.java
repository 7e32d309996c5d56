package io.meridian.server.drill;

/** A runbook file that cannot be run; the message names the file, the line and step, and the problem. */
public final class RunbookException extends Exception {
    public RunbookException(String message) {
        super(message);
    }
}
