package io.meridian.server.audit;

import io.meridian.audit.Ed25519PrivateKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * The log's checkpoint signing key at rest: an Ed25519 key (RFC 8410 PKCS#8) encrypted with a passphrase (PKCS#8
 * EncryptedPrivateKeyInfo, PBES2 with PBKDF2-HMAC-SHA256 and AES-256), in a PEM file readable by its owner only. The
 * passphrase never appears in a message; a wrong one is "cannot decrypt", not a stack trace of padding errors.
 */
public final class SigningKeyFile {
    private static final String ALGORITHM = "PBEWithHmacSHA256AndAES_256";
    /** PBKDF2 iterations for a passphrase a person chose (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
    public static final int ITERATIONS = 310_000;
    /** RFC 8410: the PKCS#8 encoding of an Ed25519 private key is this prefix and the 32-byte seed. */
    private static final byte[] PKCS8_PREFIX = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
        0x04, 0x22, 0x04, 0x20};
    private static final String BEGIN = "-----BEGIN ENCRYPTED PRIVATE KEY-----";
    private static final String END = "-----END ENCRYPTED PRIVATE KEY-----";

    private SigningKeyFile() {
    }

    /** Creates a new random key, writes it encrypted to {@code file} (which must not exist) and returns it. */
    public static Ed25519PrivateKey create(Path file, char[] passphrase) throws IOException {
        return create(file, passphrase, ITERATIONS);
    }

    /**
     * As {@link #create(Path, char[])} with {@code iterations} of PBKDF2, which the file records, so reading it costs
     * the same. Fewer than {@link #ITERATIONS} only for a passphrase that is itself a random key: stretching slows the
     * guessing of a person's passphrase and adds nothing to 256 random bits, while every start pays it per key.
     */
    public static Ed25519PrivateKey create(Path file, char[] passphrase, int iterations) throws IOException {
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 needs at least one iteration, was " + iterations);
        }
        byte[] seed = new byte[32];
        var random = new SecureRandom();
        random.nextBytes(seed);
        byte[] pkcs8 = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + seed.length);
        System.arraycopy(seed, 0, pkcs8, PKCS8_PREFIX.length, seed.length);
        try {
            byte[] salt = new byte[16];
            byte[] iv = new byte[16];
            random.nextBytes(salt);
            random.nextBytes(iv);
            var spec = new PBEParameterSpec(salt, iterations, new javax.crypto.spec.IvParameterSpec(iv));
            var cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(ALGORITHM)
                    .generateSecret(new PBEKeySpec(passphrase)), spec);
            // Named "PBES2" so that EncryptedPrivateKeyInfo finds the PKCS#5 object identifier for it.
            var parameters = AlgorithmParameters.getInstance("PBES2");
            parameters.init(cipher.getParameters().getEncoded());
            var info = new EncryptedPrivateKeyInfo(parameters, cipher.doFinal(pkcs8));
            String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(info.getEncoded())
                    + "\n" + END + "\n";
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            return Ed25519PrivateKey.fromSeed(seed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide " + ALGORITHM, e);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** Reads and decrypts the key in {@code file}. */
    public static Ed25519PrivateKey read(Path file, char[] passphrase) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!pem.startsWith(BEGIN) || !pem.endsWith(END)) {
            throw new IOException(file + ": not a PEM '" + BEGIN + "' file");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(BEGIN.length(), pem.length() - END.length()));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": the PEM body is not base64");
        }
        byte[] pkcs8 = null;
        try {
            var info = new EncryptedPrivateKeyInfo(der);
            AlgorithmParameters parameters = info.getAlgParameters();
            var cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(ALGORITHM)
                    .generateSecret(new PBEKeySpec(passphrase)), parameters.getParameterSpec(PBEParameterSpec.class));
            PKCS8EncodedKeySpec spec = info.getKeySpec(cipher);
            pkcs8 = spec.getEncoded();
            if (pkcs8.length != PKCS8_PREFIX.length + 32
                    || !Arrays.equals(Arrays.copyOf(pkcs8, PKCS8_PREFIX.length), PKCS8_PREFIX)) {
                throw new IOException(file + ": not an Ed25519 private key");
            }
            return Ed25519PrivateKey.fromSeed(Arrays.copyOfRange(pkcs8, PKCS8_PREFIX.length, pkcs8.length));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": cannot decrypt the key (wrong passphrase or damaged file)");
        } finally {
            if (pkcs8 != null) {
                Arrays.fill(pkcs8, (byte) 0);
            }
        }
    }
}
