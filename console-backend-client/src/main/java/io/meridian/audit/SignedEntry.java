package io.meridian.audit;

import java.util.Arrays;

/**
 * A decoded entry with its signature and its exact bytes. Exists because the bytes, not the fields, are what the tree
 * and the chain commit to: keeping them avoids re-encoding and proves the decoder saw the canonical form.
 */
public final class SignedEntry {
    public static final int SIGNATURE_SIZE = 64;

    private final AuditEntry entry;
    private final byte[] bytes;

    SignedEntry(AuditEntry entry, byte[] bytes) {
        this.entry = entry;
        this.bytes = bytes;
    }

    public AuditEntry entry() {
        return entry;
    }

    /** The entry bytes: signed body followed by the 64-byte signature. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Length of the signed body, which is also the offset of the signature within {@link #bytes()}. */
    public int signedBodyLength() {
        return bytes.length - SIGNATURE_SIZE;
    }

    public byte[] signature() {
        return Arrays.copyOfRange(bytes, bytes.length - SIGNATURE_SIZE, bytes.length);
    }

    /** SHA-256(0x00 || entry bytes): its leaf in the tree and the next entry's previous hash. */
    public Hash leafHash() {
        return TreeHasher.leaf(bytes);
    }

    /** Verifies the signature over the signed body with {@code key}. */
    public boolean signatureVerifies(Ed25519PublicKey key) {
        return key.verify(bytes, 0, signedBodyLength(), bytes, signedBodyLength());
    }
}
