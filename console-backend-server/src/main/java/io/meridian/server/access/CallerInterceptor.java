package io.meridian.server.access;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.meridian.client.grpc.DemoIdentityHeader;
import io.meridian.model.session.Caller;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Authenticates every call and puts the caller into the gRPC {@link Context}, so services and
 * {@link RoleInterceptor} read one identity. A client certificate (mutual TLS) names an identity by its subject CN;
 * on a demo backend the {@link DemoIdentityHeader} names one; otherwise the caller is the anonymous viewer. A
 * certificate or demo name the backend does not know ends the call with UNAUTHENTICATED: it is never downgraded to
 * the anonymous viewer, so a misconfigured client learns at once that it is not who it thinks it is.
 */
public final class CallerInterceptor implements ServerInterceptor {
    /** The caller of the current call, always set while a service runs. */
    public static final Context.Key<Caller> CALLER = Context.key("meridian-caller");
    /**
     * The identity behind the current call (roles and the public key its signed decisions must verify against);
     * null for the anonymous viewer.
     */
    public static final Context.Key<Identity> IDENTITY = Context.key("meridian-identity");

    private final Caller anonymous;
    private final AccessPolicy policy;

    public CallerInterceptor(Caller anonymous, AccessPolicy policy) {
        this.anonymous = anonymous;
        this.policy = policy;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                     ServerCallHandler<Q, A> next) {
        SSLSession tls = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        X509Certificate certificate = tls == null ? null : peerCertificate(tls);
        String demoName = headers.get(DemoIdentityHeader.KEY);
        try {
            Identity identity;
            String authentication;
            if (certificate != null) {
                var commonName = CertificateNames.commonName(certificate);
                identity = policy.identities().find(commonName).orElseThrow(() -> refusal("the client certificate "
                        + "CN=" + commonName + " is not in the backend's access file; ask its administrator to add "
                        + "the identity '" + commonName + "'"));
                authentication = "mTLS certificate CN=" + commonName;
            } else if (demoName != null) {
                checkDemoAllowed(tls, call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR), demoName);
                identity = policy.identities().find(demoName).orElseThrow(() -> refusal("'" + demoName
                        + "' is not a member of this demo team (the scenario's team lists who may be chosen)"));
                authentication = "demo identity (loopback, no TLS)";
            } else {
                return Contexts.interceptCall(Context.current().withValue(CALLER, anonymous), call, headers, next);
            }
            var caller = new Caller(identity.id(), identity.roles(), authentication);
            return Contexts.interceptCall(Context.current().withValue(CALLER, caller).withValue(IDENTITY, identity),
                    call, headers, next);
        } catch (Refused e) {
            call.close(Status.UNAUTHENTICATED.withDescription(e.getMessage()), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
    }

    /**
     * A demo name proves nothing, so it counts only where nothing could be proven anyway: a demo backend, reached
     * without TLS from this machine. Over TLS the certificate speaks; elsewhere the header is refused, never ignored.
     */
    private void checkDemoAllowed(SSLSession tls, SocketAddress remote, String demoName) throws Refused {
        if (!policy.demoIdentities()) {
            throw refusal("demo identity '" + demoName + "' refused: this backend accepts demo identities only in "
                    + "its loopback demo mode without TLS; connect with a client certificate instead");
        }
        // In-process and Unix-socket peers have no InetSocketAddress: they are on this machine by construction.
        if (tls != null || remote instanceof InetSocketAddress inet
                && (inet.getAddress() == null || !inet.getAddress().isLoopbackAddress())) {
            throw refusal("demo identity '" + demoName + "' refused: demo identities are accepted only from "
                    + "loopback without TLS");
        }
    }

    private static X509Certificate peerCertificate(SSLSession tls) {
        try {
            var chain = tls.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? leaf : null;
        } catch (SSLPeerUnverifiedException e) {
            // TLS without client authentication: the caller proved nothing about itself.
            return null;
        }
    }

    private static Refused refusal(String message) {
        return new Refused(message);
    }

    /** Why a call is not authenticated; the message goes to the client as it is. */
    private static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
