package io.meridian.sim;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The backend's TLS: its certificate chain and key, and with a client CA, mutual TLS that refuses any client
 * without a certificate issued by that CA during the handshake, before a single call is read.
 */
final class ServerTls {
    private ServerTls() {
    }

    static SslContext context(Path certificateChain, Path privateKey, Path clientCa) throws IOException {
        for (var file : clientCa == null ? new Path[] {certificateChain, privateKey}
                : new Path[] {certificateChain, privateKey, clientCa}) {
            if (!Files.isReadable(file)) {
                throw new IOException(file + ": no such file, or not readable");
            }
        }
        try {
            var builder = GrpcSslContexts.forServer(certificateChain.toFile(), privateKey.toFile());
            if (clientCa != null) {
                builder.trustManager(clientCa.toFile()).clientAuth(ClientAuth.REQUIRE);
            }
            return builder.build();
        } catch (IOException | IllegalArgumentException e) {
            // Netty names neither the file nor the cause in words a user reads; the message is all they get.
            throw new IOException("TLS files " + certificateChain + ", " + privateKey
                    + (clientCa == null ? "" : ", " + clientCa) + " cannot be used (expected a PEM certificate "
                    + "chain, an unencrypted PEM PKCS#8 key and a PEM CA certificate): " + e.getMessage(), e);
        }
    }
}
