package io.meridian.audit;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A C2SP signed note: text ending in a newline, a blank line, and signature lines
 * {@code — <name> <base64(key hash || signature)>}. Parsing is strict and bounded (at most 1,000,000 bytes and 100
 * signatures, well-formed UTF-8, no control characters but newline); {@link #verify} checks the trusted signatures
 * before anyone reads the text as a checkpoint.
 */
public final class SignedNote {
    public static final int MAX_SIZE = 1_000_000;
    public static final int MAX_SIGNATURES = 100;
    private static final String SIGNATURE_PREFIX = "\u2014 ";

    private final String text;
    private final List<NoteSignature> signatures;

    private SignedNote(String text, List<NoteSignature> signatures) {
        this.text = text;
        this.signatures = List.copyOf(signatures);
    }

    /** Signs {@code text} (which must end in a newline) with each of {@code signers}. */
    public static SignedNote sign(String text, List<NoteSigner> signers) {
        if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
            throw new IllegalArgumentException("note text must end in a newline and contain no blank line");
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        var signatures = new ArrayList<NoteSignature>();
        for (var signer : signers) {
            signatures.add(new NoteSignature(signer.key().name(), signer.key().keyHash(), signer.sign(message)));
        }
        return new SignedNote(text, signatures);
    }

    public static SignedNote parse(String note) throws AuditFormatException {
        ByteBuffer encoded;
        try {
            encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(note));
        } catch (CharacterCodingException e) {
            throw new AuditFormatException("signed note", "contains a lone surrogate, not encodable as UTF-8");
        }
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return parse(bytes);
    }

    public static SignedNote parse(byte[] bytes) throws AuditFormatException {
        if (bytes.length > MAX_SIZE) {
            throw new AuditFormatException("signed note", "is " + bytes.length + " bytes, more than " + MAX_SIZE);
        }
        String note;
        try {
            note = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AuditFormatException("signed note", "not well-formed UTF-8");
        }
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c != '\n' && (c < 0x20 || (c >= 0x7F && c <= 0x9F))) {
                throw new AuditFormatException("signed note", String.format(
                        "control character U+%04X at character %d", (int) c, i));
            }
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new AuditFormatException("signed note", "has no blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (!block.endsWith("\n")) {
            throw new AuditFormatException("signed note", "signature block must end in a newline");
        }
        var lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new AuditFormatException("signed note", "has " + lines.length + " signatures, more than "
                    + MAX_SIGNATURES);
        }
        var signatures = new ArrayList<NoteSignature>();
        for (int i = 0; i < lines.length; i++) {
            signatures.add(parseSignature(lines[i], i + 1));
        }
        return new SignedNote(text, signatures);
    }

    private static NoteSignature parseSignature(String line, int number) throws AuditFormatException {
        String element = "signed note signature line " + number;
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new AuditFormatException(element, "must start with an em dash and a space");
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
            throw new AuditFormatException(element, "needs exactly '<key name> <base64>'");
        }
        String name = rest.substring(0, space);
        try {
            NoteKey.checkName(name, "key name");
        } catch (IllegalArgumentException e) {
            throw new AuditFormatException(element, e.getMessage());
        }
        byte[] decoded = StrictBase64.decode(rest.substring(space + 1), element);
        if (decoded.length < 5) {
            throw new AuditFormatException(element, "holds " + decoded.length + " bytes, needs a 4-byte key hash"
                    + " and a signature");
        }
        int keyHash = ((decoded[0] & 0xFF) << 24) | ((decoded[1] & 0xFF) << 16) | ((decoded[2] & 0xFF) << 8)
                | (decoded[3] & 0xFF);
        byte[] signature = new byte[decoded.length - 4];
        System.arraycopy(decoded, 4, signature, 0, signature.length);
        return new NoteSignature(name, keyHash, signature);
    }

    /**
     * Checks the note against trusted keys as C2SP signed-note says: every line by a trusted key (same name and key
     * hash) must verify; lines by other keys are ignored; at least one trusted key must have signed.
     *
     * @return the trusted keys whose signatures verified
     */
    public List<NoteKey> verify(Collection<NoteKey> trusted) throws NoteVerificationException {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        var verified = new ArrayList<NoteKey>();
        String hashMismatchName = null;
        for (var signature : signatures) {
            NoteKey match = null;
            for (var key : trusted) {
                if (key.name().equals(signature.keyName())) {
                    if (key.keyHash() == signature.keyHash()) {
                        match = key;
                    } else {
                        hashMismatchName = key.name();
                    }
                }
            }
            if (match == null) {
                continue;
            }
            if (!match.publicKey().verify(message, signature.signature())) {
                throw new NoteVerificationException(TamperClass.CHECKPOINT_SIGNATURE_INVALID, match.name(),
                        "signature by trusted key " + match.name() + "+" + NoteKey.keyHashHex(match.keyHash())
                                + " does not verify");
            }
            verified.add(match);
        }
        if (!verified.isEmpty()) {
            return List.copyOf(verified);
        }
        if (hashMismatchName != null) {
            throw new NoteVerificationException(TamperClass.CHECKPOINT_KEY_HASH_MISMATCH, hashMismatchName,
                    "a signature names trusted key " + hashMismatchName + " but carries another key hash");
        }
        var names = signatures.stream().map(s -> s.keyName() + "+" + NoteKey.keyHashHex(s.keyHash())).toList();
        throw new NoteVerificationException(TamperClass.CHECKPOINT_UNKNOWN_KEY, null,
                "no trusted key signed the note; it is signed by " + names);
    }

    /** The note text, ending in a newline. */
    public String text() {
        return text;
    }

    public List<NoteSignature> signatures() {
        return signatures;
    }

    /** The note as text: body, blank line, signature lines. */
    public String format() {
        var out = new StringBuilder(text).append('\n');
        for (var signature : signatures) {
            byte[] raw = signature.signature();
            byte[] line = new byte[4 + raw.length];
            int h = signature.keyHash();
            line[0] = (byte) (h >>> 24);
            line[1] = (byte) (h >>> 16);
            line[2] = (byte) (h >>> 8);
            line[3] = (byte) h;
            System.arraycopy(raw, 0, line, 4, raw.length);
            out.append(SIGNATURE_PREFIX).append(signature.keyName()).append(' ')
                    .append(StrictBase64.encode(line)).append('\n');
        }
        return out.toString();
    }
}
