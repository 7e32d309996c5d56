package io.meridian.client.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.meridian.client.ActingIdentities;

/**
 * Names the demo identity the console acts as at the moment each call starts ({@link DemoIdentityHeader}), so that
 * switching the acting identity needs no new connection; with nobody chosen, the call carries no name and the
 * backend takes it for the anonymous viewer. A stream keeps the identity it started with.
 */
final class ActingIdentityHeader implements ClientInterceptor {
    private final ActingIdentities identities;

    ActingIdentityHeader(ActingIdentities identities) {
        this.identities = identities;
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<A> listener, Metadata headers) {
                identities.current().ifPresent(who -> headers.put(DemoIdentityHeader.KEY, who.id()));
                super.start(listener, headers);
            }
        };
    }
}
