package io.meridian.server.access;

import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Reads the identity a client certificate claims: its subject's single common name (CN). */
final class CertificateNames {
    private CertificateNames() {
    }

    /**
     * The subject CN of {@code certificate}; empty when it has none or several, which identify nobody (a certificate
     * naming two people must not be read as either of them).
     */
    static String commonName(X509Certificate certificate) {
        var subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] names = subject.getRDNs(BCStyle.CN);
        if (names.length != 1 || names[0].isMultiValued()) {
            return "";
        }
        return IETFUtils.valueToString(names[0].getFirst().getValue());
    }
}
