package io.meridian.postgres.connect;

import io.meridian.postgres.platformfile.PostgresSection;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * TLS failures worded for the operator: an untrusted certificate, one that does not name the host, a server
 * without TLS, an unreadable CA file. Each is a configuration or security problem, not a server that is down:
 * waiting will not change it, so it never counts as a missed probe.
 */
final class TlsErrors {
    /** pgjdbc's wording when sslmode=verify-full finds the host name in neither the SAN nor the CN. */
    private static final String HOST_NOT_VERIFIED = "could not be verified by hostnameverifier";
    private static final String NO_TLS = "The server does not support SSL";
    private static final String ROOT_CERT_FILE = "SSL root certificate file";

    private TlsErrors() {
    }

    static boolean isTls(SQLException e) {
        var message = e.getMessage() == null ? "" : e.getMessage();
        return message.contains(HOST_NOT_VERIFIED) || message.startsWith(NO_TLS) || message.contains(ROOT_CERT_FILE)
                || ConnectionErrors.cause(e, SSLException.class).isPresent();
    }

    /** What went wrong, naming the host, the TLS mode and the CA file; empty when {@code e} is not about TLS. */
    static Optional<String> describe(SQLException e, PostgresSection.ServerSpec spec) {
        if (!isTls(e)) {
            return Optional.empty();
        }
        var message = e.getMessage() == null ? "" : e.getMessage();
        var mode = "tlsMode " + spec.tlsMode();
        if (message.contains(HOST_NOT_VERIFIED)) {
            return Optional.of("TLS: the server's certificate does not name the host " + spec.host() + " (" + mode
                    + " checks the host name against the certificate's subject alternative names): connect by a "
                    + "name the certificate carries, or issue one that carries " + spec.host());
        }
        if (message.startsWith(NO_TLS)) {
            return Optional.of("TLS: the server does not accept TLS connections (ssl = off), and " + mode
                    + " requires them");
        }
        if (message.contains(ROOT_CERT_FILE)) {
            return Optional.of("TLS: cannot read the CA certificate " + spec.tlsRootCert() + " (tlsRootCert)");
        }
        var untrusted = ConnectionErrors.cause(e, CertPathBuilderException.class, CertPathValidatorException.class,
                CertificateException.class);
        if (untrusted.isPresent()) {
            return Optional.of("TLS: the server's certificate is not trusted: it was not issued by the CA in "
                    + spec.tlsRootCert() + " (tlsRootCert), or it is no longer valid (" + mode + "; "
                    + ConnectionErrors.firstLine(rootCause(untrusted.get()).getMessage()) + ")");
        }
        return Optional.of("TLS handshake failed (" + mode + "; "
                + ConnectionErrors.firstLine(rootCause(e).getMessage()) + ")");
    }

    /** The JDK's own reason ("unable to find valid certification path ..."), without wrapping class names. */
    private static Throwable rootCause(Throwable e) {
        var t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
