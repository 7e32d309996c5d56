package io.meridian.client.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.meridian.client.BackendException;
import io.meridian.client.BackendException.Kind;

/**
 * Failover refusals in the backend's own words. The failover service explains every refusal ("the proposal changed:
 * review it again", "you already approved this proposal"), and the decider must read exactly that, not a status
 * code; transport failures keep the general wording of {@link GrpcErrors}.
 */
final class FailoverErrors {
    private FailoverErrors() {
    }

    static BackendException translate(String target, StatusRuntimeException e) {
        var status = e.getStatus();
        var said = status.getDescription();
        return switch (status.getCode()) {
            case FAILED_PRECONDITION, PERMISSION_DENIED, UNAUTHENTICATED, ALREADY_EXISTS, INVALID_ARGUMENT,
                 NOT_FOUND -> new BackendException(Kind.REFUSED,
                    said == null || said.isBlank() ? fallback(status.getCode()) : said, e);
            default -> GrpcErrors.translate(target, e);
        };
    }

    /** True when the request may not have reached the backend, or its reply was lost: sending it again is safe. */
    static boolean worthRetrying(StatusRuntimeException e) {
        var code = e.getStatus().getCode();
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
    }

    private static String fallback(Status.Code code) {
        return switch (code) {
            case FAILED_PRECONDITION -> "the backend refused: the proposal is not in a state that allows this";
            case PERMISSION_DENIED -> "the backend refused: your role does not allow this";
            case UNAUTHENTICATED -> "the backend refused: it could not verify who you are or your signature";
            case ALREADY_EXISTS -> "the backend refused: this request id was already used for something else";
            case NOT_FOUND -> "the backend does not know this proposal";
            default -> "the backend refused the request as invalid";
        };
    }
}
