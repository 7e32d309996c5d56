package io.meridian.client;

import java.nio.file.Path;
import java.security.PrivateKey;

/**
 * How a client secures a connection and says who it is. {@code trustedCertificates} (PEM) verifies the backend
 * instead of the system trust store; a client certificate chain (PEM) and its decrypted key make TLS mutual, and the
 * certificate's CN is who the backend takes the caller for; {@code demoIdentity} names a team member of a loopback
 * demo backend, without proof, and is only sent in plain text to loopback. All may be null: plain text on loopback,
 * TLS with the system trust store elsewhere, and the caller is the anonymous viewer.
 */
public record ConnectionSecurity(Path trustedCertificates, Path clientCertificate, PrivateKey clientKey,
                                 String demoIdentity) {
    public ConnectionSecurity {
        if ((clientCertificate == null) != (clientKey == null)) {
            throw new IllegalArgumentException("a client certificate needs its private key, and a key its "
                    + "certificate");
        }
        if (demoIdentity != null && (demoIdentity.isBlank() || clientCertificate != null)) {
            throw new IllegalArgumentException(demoIdentity.isBlank() ? "the demo identity is empty"
                    : "a demo identity and a client certificate exclude each other: the certificate says who you are");
        }
    }

    /** Nothing: plain text on loopback, the system trust store elsewhere, the anonymous viewer. */
    public static ConnectionSecurity none() {
        return new ConnectionSecurity(null, null, null, null);
    }

    /** TLS verified against these PEM certificates (or none when null), as the anonymous viewer. */
    public static ConnectionSecurity trusting(Path trustedCertificates) {
        return new ConnectionSecurity(trustedCertificates, null, null, null);
    }

    /** Mutual TLS: the backend verified against {@code ca}, the caller by the certificate and its key. */
    public static ConnectionSecurity mutualTls(Path ca, Path clientCertificate, PrivateKey clientKey) {
        return new ConnectionSecurity(ca, clientCertificate, clientKey, null);
    }

    /** A loopback demo backend's team member, by id. */
    public static ConnectionSecurity demo(String demoIdentity) {
        return new ConnectionSecurity(null, null, null, demoIdentity);
    }

    /** True when TLS is mutual. */
    public boolean mutualTls() {
        return clientCertificate != null;
    }

    /** Names files and the demo identity; never the key, whose own toString may print it. */
    @Override
    public String toString() {
        return "ConnectionSecurity[trusted=" + trustedCertificates + ", clientCertificate=" + clientCertificate
                + (clientKey == null ? "" : ", clientKey=(hidden)") + ", demoIdentity=" + demoIdentity + "]";
    }
}
