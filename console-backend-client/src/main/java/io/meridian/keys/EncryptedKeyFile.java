package io.meridian.keys;

import io.meridian.audit.Ed25519PrivateKey;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Private keys at rest: PEM "ENCRYPTED PRIVATE KEY" files (PKCS#8 EncryptedPrivateKeyInfo, PBES2 with
 * PBKDF2-HMAC-SHA256 and AES-256-CBC), created readable by their owner only. OpenSSL reads them
 * ({@code openssl pkey -in FILE}). Used for an operator's Ed25519 signing key and for the private key of a TLS client
 * certificate. A wrong passphrase is one clear message; neither passphrases nor keys ever reach a message or a log.
 */
public final class EncryptedKeyFile {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256: slow enough to guess, about a third of a second to open. */
    static final int ITERATIONS = 600_000;
    private static final int SEED_SIZE = 32;
    /**
     * BouncyCastle's own provider, passed to its builders and never registered globally: its PBES2 code names the
     * cipher "AES/CBC/PKCS7Padding", which only this provider offers.
     */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private EncryptedKeyFile() {
    }

    /** Makes a new random Ed25519 signing key, writes it encrypted to {@code file} (which must not exist). */
    public static Ed25519PrivateKey createSigningKey(Path file, char[] passphrase) throws KeyFileException {
        byte[] seed = new byte[SEED_SIZE];
        new SecureRandom().nextBytes(seed);
        try {
            write(file, signingKeyInfo(seed), passphrase);
            return Ed25519PrivateKey.fromSeed(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Writes the Ed25519 signing key with this 32-byte seed (RFC 8032) encrypted to {@code file}. */
    public static void writeSigningKey(Path file, byte[] seed, char[] passphrase) throws KeyFileException {
        if (seed.length != SEED_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        write(file, signingKeyInfo(seed), passphrase);
    }

    /** Reads and decrypts an Ed25519 signing key. */
    public static Ed25519PrivateKey readSigningKey(Path file, char[] passphrase) throws KeyFileException {
        var info = read(file, passphrase);
        if (!EdECObjectIdentifiers.id_Ed25519.equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
            throw new KeyFileException(file + ": not an Ed25519 signing key (the file holds a "
                    + info.getPrivateKeyAlgorithm().getAlgorithm() + " key)");
        }
        byte[] seed = null;
        try {
            seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            if (seed.length != SEED_SIZE) {
                throw new KeyFileException(file + ": the Ed25519 key does not have 32 bytes");
            }
            return Ed25519PrivateKey.fromSeed(seed);
        } catch (IOException | IllegalArgumentException e) {
            throw new KeyFileException(file + ": the Ed25519 key inside is malformed");
        } finally {
            if (seed != null) {
                Arrays.fill(seed, (byte) 0);
            }
        }
    }

    /** Writes any private key (a TLS client key, say) encrypted to {@code file}, which must not exist. */
    public static void writePrivateKey(Path file, PrivateKey key, char[] passphrase) throws KeyFileException {
        write(file, PrivateKeyInfo.getInstance(key.getEncoded()), passphrase);
    }

    /** Reads and decrypts a private key for the JDK's and Netty's TLS. */
    public static PrivateKey readPrivateKey(Path file, char[] passphrase) throws KeyFileException {
        var info = read(file, passphrase);
        try {
            return new JcaPEMKeyConverter().getPrivateKey(info);
        } catch (IOException e) {
            throw new KeyFileException(file + ": the key inside cannot be used: " + e.getMessage());
        }
    }

    private static PrivateKeyInfo signingKeyInfo(byte[] seed) {
        // RFC 8410: the private key is the seed, wrapped in an OCTET STRING inside the PKCS#8 OCTET STRING.
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                    new DEROctetString(seed));
        } catch (IOException e) {
            throw new IllegalStateException("encoding 32 bytes cannot fail", e);
        }
    }

    private static void write(Path file, PrivateKeyInfo info, char[] passphrase) throws KeyFileException {
        if (passphrase.length == 0) {
            throw new KeyFileException(file + ": refusing to write a key with an empty passphrase");
        }
        String pem;
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256).setIterationCount(ITERATIONS)
                    .setRandom(new SecureRandom()).setPassword(passphrase).setProvider(BOUNCY_CASTLE).build();
            var text = new StringWriter();
            try (var writer = new JcaPEMWriter(text)) {
                writer.writeObject(new PKCS8Generator(info, encryptor));
            }
            pem = text.toString();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("BouncyCastle must provide PBKDF2WithHmacSHA256 and AES-256-CBC", e);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException(file + ": already exists; a key file is never overwritten");
        } catch (IOException e) {
            throw new KeyFileException(file + ": cannot be written (" + e.getMessage() + ")", e);
        }
    }

    private static PrivateKeyInfo read(Path file, char[] passphrase) throws KeyFileException {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(file + ": no such file");
        } catch (IOException e) {
            throw new KeyFileException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        Object object;
        try (var parser = new PEMParser(new StringReader(pem))) {
            object = parser.readObject();
        } catch (IOException | IllegalArgumentException e) {
            throw new KeyFileException(file + ": not a PEM file");
        }
        if (object instanceof PrivateKeyInfo) {
            throw new KeyFileException(file + ": the key is not encrypted; keys are kept encrypted at rest "
                    + "(\"ENCRYPTED PRIVATE KEY\" PEM, PKCS#8 with a passphrase)");
        }
        if (!(object instanceof PKCS8EncryptedPrivateKeyInfo encrypted)) {
            throw new KeyFileException(file + ": not an encrypted PKCS#8 private key (\"ENCRYPTED PRIVATE KEY\" PEM)");
        }
        try {
            return encrypted.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BOUNCY_CASTLE).build(passphrase));
        } catch (PKCSException | OperatorCreationException | IllegalArgumentException | IllegalStateException e) {
            // CBC padding, or with bad luck the structure inside, is all a wrong passphrase shows: say it once.
            throw new KeyFileException(file + ": cannot decrypt the key (wrong passphrase or damaged file)");
        }
    }
}
