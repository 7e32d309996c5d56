package io.meridian.audit;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The canonical entry encoding of docs/audit-format.md section 1.2, both ways. Exists so that the one byte form that
 * is hashed and signed is written and read in one place, with every rule checked on the way in and on the way out.
 */
public final class EntryCodec {
    public static final int VERSION = 1;
    public static final int MAX_ENTRY_SIZE = 4096;
    static final int MAX_ORIGIN = 255;
    public static final int MAX_QUERY_ID = 128;
    static final int MAX_ACTOR = 256;
    static final int MAX_REGION = 64;
    static final int MAX_DETAIL = 1024;
    static final int MAX_KEY_ID = 128;
    static final long MAX_TIME = 1L << 62;

    private EntryCodec() {
    }

    /** The signed body (fields 1 to 14) of {@code entry}. */
    public static byte[] signedBody(AuditEntry entry) throws AuditFormatException {
        var out = ByteBuffer.allocate(MAX_ENTRY_SIZE);
        out.put((byte) VERSION);
        putString(out, "origin", entry.origin(), 1, MAX_ORIGIN);
        if (entry.sequence() < 0) {
            throw new AuditFormatException("entry field sequence", "must be 0 or more, was " + entry.sequence());
        }
        out.putLong(entry.sequence());
        putString(out, "query id", entry.queryId(), 1, MAX_QUERY_ID);
        putString(out, "actor", entry.actor(), 1, MAX_ACTOR);
        out.put((byte) entry.action().code());
        out.put((byte) entry.trigger().code());
        boolean automatic = entry.trigger() == TriggerKind.AUTOMATIC;
        putString(out, "trigger by", entry.triggeredBy(), automatic ? 0 : 1, automatic ? 0 : MAX_ACTOR);
        putString(out, "region", entry.region(), 1, MAX_REGION);
        if (entry.timeMicros() < 0 || entry.timeMicros() >= MAX_TIME) {
            throw new AuditFormatException("entry field time", "must be in [0, 2^62), was " + entry.timeMicros());
        }
        out.putLong(entry.timeMicros());
        out.put((byte) entry.outcome().code());
        putString(out, "outcome detail", entry.outcomeDetail(), 0, MAX_DETAIL);
        entry.previousHash().copyTo(out.array(), out.position());
        out.position(out.position() + Hash.SIZE);
        putString(out, "signer key id", entry.signerKeyId(), 1, MAX_KEY_ID);
        if (out.position() + SignedEntry.SIGNATURE_SIZE > MAX_ENTRY_SIZE) {
            throw new AuditFormatException("entry", "would be " + (out.position() + SignedEntry.SIGNATURE_SIZE)
                    + " bytes, more than " + MAX_ENTRY_SIZE);
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    /** Encodes and signs {@code entry} with {@code key}. */
    public static SignedEntry sign(AuditEntry entry, Ed25519PrivateKey key) throws AuditFormatException {
        byte[] body = signedBody(entry);
        byte[] bytes = Arrays.copyOf(body, body.length + SignedEntry.SIGNATURE_SIZE);
        System.arraycopy(key.sign(body), 0, bytes, body.length, SignedEntry.SIGNATURE_SIZE);
        return new SignedEntry(entry, bytes);
    }

    /**
     * Decodes entry bytes, refusing anything but the canonical encoding.
     *
     * @throws AuditFormatException naming the field and byte offset of the first problem
     */
    public static SignedEntry decode(byte[] bytes) throws AuditFormatException {
        if (bytes.length > MAX_ENTRY_SIZE) {
            throw new AuditFormatException("entry", "is " + bytes.length + " bytes, more than " + MAX_ENTRY_SIZE);
        }
        var in = new Reader(bytes);
        int version = in.u8("version");
        if (version != VERSION) {
            throw new AuditFormatException("entry field version", 0, "unknown version " + version);
        }
        String origin = in.string("origin", 1, MAX_ORIGIN);
        long sequence = in.u64("sequence");
        String queryId = in.string("query id", 1, MAX_QUERY_ID);
        String actor = in.string("actor", 1, MAX_ACTOR);
        int actionCode = in.u8("action");
        var action = AuditAction.ofCode(actionCode);
        if (action == null) {
            throw new AuditFormatException("entry field action", in.position - 1, "unknown code " + actionCode);
        }
        int triggerCode = in.u8("trigger kind");
        var trigger = TriggerKind.ofCode(triggerCode);
        if (trigger == null) {
            throw new AuditFormatException("entry field trigger kind", in.position - 1, "unknown code " + triggerCode);
        }
        boolean automatic = trigger == TriggerKind.AUTOMATIC;
        String triggeredBy = in.string("trigger by", automatic ? 0 : 1, automatic ? 0 : MAX_ACTOR);
        String region = in.string("region", 1, MAX_REGION);
        long time = in.u64("time");
        if (time >= MAX_TIME) {
            throw new AuditFormatException("entry field time", in.position - 8, "out of range [0, 2^62)");
        }
        int outcomeCode = in.u8("outcome");
        var outcome = Outcome.ofCode(outcomeCode);
        if (outcome == null) {
            throw new AuditFormatException("entry field outcome", in.position - 1, "unknown code " + outcomeCode);
        }
        String detail = in.string("outcome detail", 0, MAX_DETAIL);
        Hash previous = in.hash("previous entry hash");
        String keyId = in.string("signer key id", 1, MAX_KEY_ID);
        in.require("signature", SignedEntry.SIGNATURE_SIZE);
        if (in.position + SignedEntry.SIGNATURE_SIZE != bytes.length) {
            throw new AuditFormatException("entry", in.position + SignedEntry.SIGNATURE_SIZE,
                    (bytes.length - in.position - SignedEntry.SIGNATURE_SIZE) + " bytes after the signature");
        }
        var entry = new AuditEntry(origin, sequence, queryId, actor, action, trigger, triggeredBy, region, time,
                outcome, detail, previous, keyId);
        return new SignedEntry(entry, bytes.clone());
    }

    private static void putString(ByteBuffer out, String field, String value, int min, int max)
            throws AuditFormatException {
        byte[] utf8;
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
            utf8 = new byte[encoded.remaining()];
            encoded.get(utf8);
        } catch (CharacterCodingException e) {
            throw new AuditFormatException("entry field " + field, "is not encodable as UTF-8 (lone surrogate)");
        }
        checkText("entry field " + field, value, -1);
        if (utf8.length < min || utf8.length > max) {
            throw new AuditFormatException("entry field " + field,
                    "must be " + min + ".." + max + " bytes of UTF-8, is " + utf8.length);
        }
        out.putShort((short) utf8.length);
        out.put(utf8);
    }

    /** Rejects C0 and C1 control characters and DEL. */
    static void checkText(String element, String value, long offset) throws AuditFormatException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                throw new AuditFormatException(element, offset,
                        String.format("control character U+%04X at character %d", (int) c, i));
            }
        }
    }

    /** A bounds-checked cursor over entry bytes; every read names its field. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        void require(String field, int count) throws AuditFormatException {
            if (bytes.length - position < count) {
                throw new AuditFormatException("entry field " + field, position,
                        "needs " + count + " bytes, only " + (bytes.length - position) + " left");
            }
        }

        int u8(String field) throws AuditFormatException {
            require(field, 1);
            return bytes[position++] & 0xFF;
        }

        long u64(String field) throws AuditFormatException {
            require(field, 8);
            long value = ByteBuffer.wrap(bytes, position, 8).getLong();
            if (value < 0) {
                throw new AuditFormatException("entry field " + field, position, "out of range (>= 2^63)");
            }
            position += 8;
            return value;
        }

        Hash hash(String field) throws AuditFormatException {
            require(field, Hash.SIZE);
            var hash = Hash.read(bytes, position);
            position += Hash.SIZE;
            return hash;
        }

        String string(String field, int min, int max) throws AuditFormatException {
            require(field + " length", 2);
            int length = ((bytes[position] & 0xFF) << 8) | (bytes[position + 1] & 0xFF);
            int start = position;
            position += 2;
            if (length < min || length > max) {
                throw new AuditFormatException("entry field " + field, start,
                        "must be " + min + ".." + max + " bytes, length says " + length);
            }
            require(field, length);
            String value;
            try {
                value = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, position, length)).toString();
            } catch (CharacterCodingException e) {
                throw new AuditFormatException("entry field " + field, position, "not well-formed UTF-8");
            }
            checkText("entry field " + field, value, position);
            position += length;
            return value;
        }
    }
}
