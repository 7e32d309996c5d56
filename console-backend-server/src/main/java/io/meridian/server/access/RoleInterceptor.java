package io.meridian.server.access;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.meridian.model.session.Caller;
import io.meridian.model.session.Role;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Checks every call against {@link MethodRoles}, after {@link CallerInterceptor} has put the caller into the context.
 * Fails closed: no caller, a method the table does not know, or a caller without one of the method's roles ends the
 * call with PERMISSION_DENIED before the service sees it. The message names the method, the roles it needs and the
 * roles the caller holds, so a refused operator knows whom to ask.
 */
public final class RoleInterceptor implements ServerInterceptor {
    private static final System.Logger LOG = System.getLogger(RoleInterceptor.class.getName());

    private final MethodRoles table;

    public RoleInterceptor(MethodRoles table) {
        this.table = table;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                     ServerCallHandler<Q, A> next) {
        var method = call.getMethodDescriptor().getFullMethodName();
        Caller caller = CallerInterceptor.CALLER.get();
        var needed = table.rolesFor(method);
        String refusal = null;
        if (caller == null) {
            refusal = method + " refused: the call has no authenticated caller";
        } else if (needed.isEmpty()) {
            refusal = method + " refused: the method is not in the backend's access table, so nobody may call it";
        } else if (!table.allows(method, caller.roles())) {
            refusal = method + " needs the role " + labels(needed.get(), " or ") + "; " + caller.identity()
                    + " has " + (caller.roles().isEmpty() ? "no role" : labels(caller.roles(), ", "));
        }
        if (refusal == null) {
            return next.startCall(call, headers);
        }
        LOG.log(System.Logger.Level.INFO, "permission denied: {0}", refusal);
        call.close(Status.PERMISSION_DENIED.withDescription(refusal), new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    private static String labels(Collection<Role> roles, String separator) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(separator));
    }
}
