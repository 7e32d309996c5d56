package io.meridian.server.access;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.meridian.model.session.Caller;

/**
 * Puts the caller into the gRPC {@link Context} of every call, so services read one authenticated identity. Until
 * credentials exist every caller is the configured {@code anonymous} caller; roles are checked against it.
 */
public final class CallerInterceptor implements ServerInterceptor {
    /** The caller of the current call. */
    public static final Context.Key<Caller> CALLER = Context.key("meridian-caller");

    private final Caller anonymous;

    public CallerInterceptor(Caller anonymous) {
        this.anonymous = anonymous;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                     ServerCallHandler<Q, A> next) {
        return Contexts.interceptCall(Context.current().withValue(CALLER, anonymous), call, headers, next);
    }
}
