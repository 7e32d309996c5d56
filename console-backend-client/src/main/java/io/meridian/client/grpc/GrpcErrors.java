package io.meridian.client.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.meridian.client.BackendException;
import io.meridian.client.BackendException.Kind;

/** Turns gRPC failures into {@link BackendException}s whose messages a user can act on. */
final class GrpcErrors {
    private GrpcErrors() {
    }

    static BackendException translate(String target, StatusRuntimeException e) {
        var status = e.getStatus();
        var detail = status.getDescription() == null ? "" : " (" + status.getDescription() + ")";
        return switch (status.getCode()) {
            case UNAVAILABLE -> new BackendException(Kind.UNREACHABLE,
                    "backend " + target + " is unreachable" + rootCause(e), e);
            case DEADLINE_EXCEEDED -> new BackendException(Kind.TIMEOUT,
                    "backend " + target + " did not answer in time", e);
            case UNIMPLEMENTED -> new BackendException(Kind.INCOMPATIBLE,
                    "the server at " + target + " does not offer the meridian.v1 API" + detail, e);
            case UNAUTHENTICATED, PERMISSION_DENIED, INVALID_ARGUMENT, FAILED_PRECONDITION ->
                    new BackendException(Kind.REFUSED, "backend " + target + " refused the call: "
                            + status.getCode() + detail, e);
            default -> new BackendException(Kind.FAILED,
                    "backend " + target + " failed: " + status.getCode() + detail, e);
        };
    }

    /** A short cause for UNAVAILABLE, e.g. "Connection refused", from the transport's exception. */
    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == e) {
            var description = Status.fromThrowable(e).getDescription();
            return description == null ? "" : " (" + description + ")";
        }
        var message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int colon = message.indexOf(": ");
        return " (" + (colon > 0 && message.startsWith("finishConnect") ? message.substring(colon + 2) : message) + ")";
    }
}
