package io.meridian.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A signed-note verifier key (C2SP signed-note): a key name, its 4-byte key hash and an Ed25519 public key. Its text
 * form {@code <name>+<hash hex>+<base64(0x01 || key)>} is the one the Go checksum database uses, so keys can be pinned
 * by copying one line.
 */
public record NoteKey(String name, int keyHash, Ed25519PublicKey publicKey) {
    /** The signed-note signature type of Ed25519. */
    public static final byte ED25519_TYPE = 0x01;
    static final int MAX_NAME = 255;

    public NoteKey {
        checkName(name, "key name");
    }

    /** A key under {@code name}, with its key hash computed. */
    public static NoteKey of(String name, Ed25519PublicKey publicKey) {
        return new NoteKey(name, keyHash(name, publicKey), publicKey);
    }

    /** First 4 bytes, big-endian, of SHA-256(name || 0x0A || 0x01 || public key). */
    public static int keyHash(String name, Ed25519PublicKey publicKey) {
        byte[] digest = TreeHasher.sha256(name.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', ED25519_TYPE},
                publicKey.bytes());
        return ((digest[0] & 0xFF) << 24) | ((digest[1] & 0xFF) << 16) | ((digest[2] & 0xFF) << 8) | (digest[3] & 0xFF);
    }

    /** Parses {@code <name>+<8 hex digits>+<base64(0x01 || 32-byte key)>}, checking that the hash matches. */
    public static NoteKey parse(String text) throws AuditFormatException {
        String element = "verifier key '" + text + "'";
        // Names never contain '+', base64 may: split at the first two.
        int plus1 = text.indexOf('+');
        int plus2 = plus1 <= 0 ? -1 : text.indexOf('+', plus1 + 1);
        if (plus2 < 0) {
            throw new AuditFormatException(element, "needs the form <name>+<key hash>+<key>");
        }
        String name = text.substring(0, plus1);
        String hashHex = text.substring(plus1 + 1, plus2);
        if (!hashHex.matches("[0-9a-f]{8}")) {
            throw new AuditFormatException(element, "key hash must be 8 lowercase hex digits, is '" + hashHex + "'");
        }
        byte[] key = StrictBase64.decode(text.substring(plus2 + 1), element);
        if (key.length != 1 + Ed25519PublicKey.SIZE || key[0] != ED25519_TYPE) {
            throw new AuditFormatException(element, "key must be 0x01 (Ed25519) and 32 bytes");
        }
        try {
            checkName(name, "key name");
        } catch (IllegalArgumentException e) {
            throw new AuditFormatException(element, e.getMessage());
        }
        var publicKey = Ed25519PublicKey.of(Arrays.copyOfRange(key, 1, key.length), element);
        int declared = (int) Long.parseLong(hashHex, 16);
        int computed = keyHash(name, publicKey);
        if (declared != computed) {
            throw new AuditFormatException(element, "key hash " + hashHex + " does not match the key ("
                    + String.format("%08x", computed) + ")");
        }
        return new NoteKey(name, computed, publicKey);
    }

    /** The verifier key text. */
    public String format() {
        byte[] key = new byte[1 + Ed25519PublicKey.SIZE];
        key[0] = ED25519_TYPE;
        System.arraycopy(publicKey.bytes(), 0, key, 1, Ed25519PublicKey.SIZE);
        return name + "+" + String.format("%08x", keyHash) + "+" + StrictBase64.encode(key);
    }

    static String keyHashHex(int keyHash) {
        return HexFormat.of().toHexDigits(keyHash);
    }

    /** C2SP signed-note key names: non-empty UTF-8, no whitespace, no '+', no control characters, bounded. */
    static void checkName(String name, String element) {
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME) {
            throw new IllegalArgumentException(element + " must be 1.." + MAX_NAME + " bytes");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0x20
                    || (c >= 0x7F && c <= 0x9F)) {
                throw new IllegalArgumentException(element + " '" + name + "' contains a space, '+' or control character");
            }
        }
    }
}
