package io.meridian.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two hash functions of an RFC 9162 (section 2.1.1) Merkle tree, and nothing else: leaf hashes with prefix 0x00,
 * interior node hashes with prefix 0x01, so that a leaf can never pass for a node. One digest per thread, because
 * verification hashes millions of leaves from many threads.
 */
public final class TreeHasher {
    /** RFC 9162 section 2.1.1: prefix of a leaf hash. */
    public static final byte LEAF_PREFIX = 0x00;
    /** RFC 9162 section 2.1.1: prefix of an interior node hash. */
    public static final byte NODE_PREFIX = 0x01;
    /** MTH of the empty tree: SHA-256 of the empty string. */
    public static final Hash EMPTY_ROOT = Hash.wrap(sha256().digest());

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(TreeHasher::sha256);

    private TreeHasher() {
    }

    /** SHA-256(0x00 || data). */
    public static Hash leaf(byte[] data) {
        return leaf(data, 0, data.length);
    }

    /** SHA-256(0x00 || data[offset, offset+length)). */
    public static Hash leaf(byte[] data, int offset, int length) {
        var digest = DIGEST.get();
        digest.update(LEAF_PREFIX);
        digest.update(data, offset, length);
        return Hash.wrap(digest.digest());
    }

    /** SHA-256(0x01 || left || right). */
    public static Hash node(Hash left, Hash right) {
        var digest = DIGEST.get();
        byte[] input = new byte[1 + 2 * Hash.SIZE];
        input[0] = NODE_PREFIX;
        left.copyTo(input, 1);
        right.copyTo(input, 1 + Hash.SIZE);
        return Hash.wrap(digest.digest(input));
    }

    /** Plain SHA-256, for key hashes and anything outside the tree. */
    public static byte[] sha256(byte[]... parts) {
        var digest = DIGEST.get();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
