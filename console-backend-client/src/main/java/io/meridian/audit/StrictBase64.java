package io.meridian.audit;

import java.util.Base64;

/**
 * Standard base64 with padding, and nothing else: the JDK decoder alone accepts missing padding and ignores non-zero
 * trailing bits, which would give one value several spellings. Decoding re-encodes and demands the same text.
 */
public final class StrictBase64 {
    private StrictBase64() {
    }

    public static byte[] decode(String text, String element) throws AuditFormatException {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new AuditFormatException(element, "not base64: " + e.getMessage());
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
            throw new AuditFormatException(element, "not canonical base64 (padding or trailing bits)");
        }
        return decoded;
    }

    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
