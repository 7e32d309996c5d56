package io.meridian.client.grpc;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.meridian.client.BackendException;
import io.meridian.client.ConnectionSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;

/** The client's TLS context: whom to trust, and with mutual TLS the certificate and key that say who we are. */
final class ClientTls {
    private ClientTls() {
    }

    static SslContext context(ConnectionSecurity security) throws BackendException {
        var builder = GrpcSslContexts.forClient();
        if (security.trustedCertificates() != null) {
            builder.trustManager(certificates(security.trustedCertificates(), "trusted certificates"));
        }
        if (security.mutualTls()) {
            builder.keyManager(security.clientKey(),
                    certificates(security.clientCertificate(), "client certificate"));
        }
        try {
            return builder.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new BackendException(BackendException.Kind.FAILED, "cannot set up TLS with "
                    + security.clientCertificate() + " and " + security.trustedCertificates() + ": "
                    + e.getMessage(), e);
        }
    }

    private static X509Certificate[] certificates(Path file, String what) throws BackendException {
        try (InputStream in = Files.newInputStream(file)) {
            var certificates = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
            if (certificates.length == 0) {
                throw new BackendException(BackendException.Kind.FAILED, what + " " + file
                        + ": no PEM certificate in the file", null);
            }
            return certificates;
        } catch (IOException | CertificateException e) {
            throw new BackendException(BackendException.Kind.FAILED, "cannot read " + what + " " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
