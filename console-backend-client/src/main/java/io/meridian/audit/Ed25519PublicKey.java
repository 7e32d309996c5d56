package io.meridian.audit;

import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key (RFC 8032), checked to be a valid point once and kept decoded, so that verifying millions of
 * entries does not decompress the same point millions of times. Verification uses BouncyCastle's low-level rfc8032
 * code, about eight times faster here than the JDK provider (STACK.md).
 */
public final class Ed25519PublicKey {
    public static final int SIZE = 32;

    private final byte[] bytes;
    private final Ed25519.PublicPoint point;

    private Ed25519PublicKey(byte[] bytes, Ed25519.PublicPoint point) {
        this.bytes = bytes;
        this.point = point;
    }

    /**
     * @throws AuditFormatException when {@code encoded} is not 32 bytes or not a valid point of prime order
     */
    public static Ed25519PublicKey of(byte[] encoded, String element) throws AuditFormatException {
        if (encoded.length != SIZE) {
            throw new AuditFormatException(element, "an Ed25519 public key has 32 bytes, got " + encoded.length);
        }
        var point = Ed25519.validatePublicKeyFullExport(encoded, 0);
        if (point == null) {
            throw new AuditFormatException(element, "not a valid Ed25519 public key");
        }
        return new Ed25519PublicKey(encoded.clone(), point);
    }

    /** Verifies a 64-byte signature at {@code signature[signatureOffset]} over {@code message[offset, offset+length)}. */
    public boolean verify(byte[] message, int offset, int length, byte[] signature, int signatureOffset) {
        if (signature.length - signatureOffset < SignedEntry.SIGNATURE_SIZE) {
            return false;
        }
        return Ed25519.verify(signature, signatureOffset, point, message, offset, length);
    }

    public boolean verify(byte[] message, byte[] signature) {
        return signature.length == SignedEntry.SIGNATURE_SIZE && verify(message, 0, message.length, signature, 0);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String base64() {
        return StrictBase64.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519PublicKey other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return base64();
    }
}
