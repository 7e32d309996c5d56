package io.meridian.client.grpc;

/** The backend sent something this client cannot interpret; the message says which field and what value. */
public final class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }
}
