package io.meridian.audit;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A SHA-256 value: exactly 32 bytes, immutable. Exists so that a root, a leaf hash or a proof element can never be a
 * byte array of the wrong length or one that someone else still mutates.
 */
public final class Hash {
    public static final int SIZE = 32;
    /** The all-zero hash, the previous entry hash of the first entry of a log. */
    public static final Hash ZERO = new Hash(new byte[SIZE]);

    private final byte[] bytes;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Copies {@code bytes}, which must be exactly 32 long. */
    public static Hash of(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a hash has 32 bytes, got " + bytes.length);
        }
        return new Hash(bytes.clone());
    }

    /** Reads 32 bytes at {@code offset}. */
    public static Hash read(byte[] source, int offset) {
        return new Hash(Arrays.copyOfRange(source, offset, offset + SIZE));
    }

    /** Wraps a digest output that nobody else holds. */
    static Hash wrap(byte[] digest) {
        return new Hash(digest);
    }

    /** Strict base64 of exactly 32 bytes, as in checkpoints and bundles. */
    public static Hash fromBase64(String text, String element) throws AuditFormatException {
        byte[] decoded = StrictBase64.decode(text, element);
        if (decoded.length != SIZE) {
            throw new AuditFormatException(element, "a hash has 32 bytes, the base64 holds " + decoded.length);
        }
        return new Hash(decoded);
    }

    public static Hash fromHex(String hex) {
        return of(HexFormat.of().parseHex(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Copies the 32 bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, SIZE);
    }

    public String base64() {
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
