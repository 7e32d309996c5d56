package io.meridian.client.grpc;

import io.grpc.Metadata;

/**
 * The metadata header in which a client names the demo identity it acts as on a loopback demo backend. One
 * definition for both sides: the client sends it, the server's caller interceptor reads it.
 */
public final class DemoIdentityHeader {
    public static final Metadata.Key<String> KEY =
            Metadata.Key.of("meridian-demo-identity", Metadata.ASCII_STRING_MARSHALLER);

    private DemoIdentityHeader() {
    }

    /** Headers naming {@code identity}, for {@code MetadataUtils.newAttachHeadersInterceptor}. */
    public static Metadata of(String identity) {
        var headers = new Metadata();
        headers.put(KEY, identity);
        return headers;
    }
}
