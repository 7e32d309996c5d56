package io.meridian.sim.team;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority for a demo or a test: ECDSA P-256 keys, a self-signed CA certificate, a server
 * certificate for this machine (localhost, 127.0.0.1, ::1) and client certificates whose CN is a person's id, which
 * is what the backend's access file maps to roles. Not a production PKI: no revocation, and the CA key lives only as
 * long as this object unless the caller saves it.
 */
public final class LocalCa {
    private static final String SIGNATURE = "SHA256withECDSA";

    private final KeyPair keys;
    private final X509Certificate certificate;
    private final Duration validity;

    private LocalCa(KeyPair keys, X509Certificate certificate, Duration validity) {
        this.keys = keys;
        this.certificate = certificate;
        this.validity = validity;
    }

    /** A new CA named {@code name}; it and every certificate it issues are valid for {@code validity}. */
    public static LocalCa create(String name, Duration validity) {
        var keys = newKeyPair();
        var subject = name(name);
        try {
            var extensions = new JcaX509ExtensionUtils();
            var builder = builder(subject, subject, keys.getPublic(), validity)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return new LocalCa(keys, sign(builder, keys.getPrivate()), validity);
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("building a CA certificate failed", e);
        }
    }

    /** A CA saved earlier (its certificate and decrypted key), to issue more certificates. */
    public static LocalCa of(X509Certificate certificate, PrivateKey privateKey, Duration validity) {
        return new LocalCa(new KeyPair(certificate.getPublicKey(), privateKey), certificate, validity);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The CA's private key, for a caller that keeps the CA to issue more certificates later. */
    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /** A server certificate for this machine: DNS localhost, IP 127.0.0.1 and ::1. */
    public Issued issueServer(String name) {
        var names = new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.iPAddress, "::1")});
        return issue(name, KeyPurposeId.id_kp_serverAuth, names);
    }

    /** A client certificate whose subject CN is {@code id}: the person the backend's access file knows. */
    public Issued issueClient(String id) {
        return issue(id, KeyPurposeId.id_kp_clientAuth, null);
    }

    private Issued issue(String commonName, KeyPurposeId purpose, GeneralNames alternativeNames) {
        var subjectKeys = newKeyPair();
        try {
            var extensions = new JcaX509ExtensionUtils();
            var builder = builder(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                    name(commonName), subjectKeys.getPublic(), validity)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            if (alternativeNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
            }
            return new Issued(List.of(sign(builder, keys.getPrivate()), certificate), subjectKeys.getPrivate());
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("issuing a certificate for " + commonName + " failed", e);
        }
    }

    /** A certificate chain (leaf first, then this CA) and the leaf's private key. */
    public record Issued(List<X509Certificate> chain, PrivateKey privateKey) {
        public Issued {
            chain = List.copyOf(chain);
        }

        /** The chain in PEM, as TLS libraries read it. */
        public String chainPem() {
            return pem(chain.toArray());
        }

        /** The key as unencrypted PKCS#8 PEM, for a server that reads it at start (keep the file owner-only). */
        public String privateKeyPem() {
            try {
                return pem(new JcaPKCS8Generator(privateKey, null).generate());
            } catch (IOException e) {
                throw new IllegalStateException("encoding a private key failed", e);
            }
        }

        @Override
        public String toString() {
            return "Issued[" + chain.getFirst().getSubjectX500Principal().getName() + "]";
        }
    }

    /** PEM text of certificates or PEM objects. */
    public static String pem(Object... objects) {
        var text = new StringWriter();
        try (var writer = new JcaPEMWriter(text)) {
            for (var object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to memory failed", e);
        }
        return text.toString();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key,
                                                       Duration validity) {
        var now = Instant.now();
        // An hour of slack before now: a client whose clock is a little behind still accepts a fresh certificate.
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, new SecureRandom()).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("the JDK must provide " + SIGNATURE, e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.O, "Meridian demo").build();
    }

    private static KeyPair newKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide EC keys on P-256", e);
        }
    }
}
