package io.meridian.postgres.connect;

/**
 * A server could not be reached or refused what was asked; the message names region and server, never a secret.
 * {@link #unreachable()} tells a server that did not answer (down, network) from one that answered and refused
 * (credentials, grants, not PostgreSQL): only the first counts as a missed probe.
 */
public final class ServerException extends Exception {
    private final boolean unreachable;

    public ServerException(String message, boolean unreachable) {
        super(message);
        this.unreachable = unreachable;
    }

    public ServerException(String message, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    public boolean unreachable() {
        return unreachable;
    }
}
