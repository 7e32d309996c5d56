package io.meridian.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A C2SP tlog-checkpoint body: the log's origin, its size and its root. Parsing is strict: a canonical decimal size
 * ("007" fails), a root of exactly 32 bytes, a bounded origin. Read it only from a {@link SignedNote} whose signatures
 * verified.
 *
 * @param extensions extension lines, kept so that formatting reproduces the signed text; Meridian writes none
 */
public record Checkpoint(String origin, long size, Hash root, List<String> extensions) {
    public Checkpoint {
        extensions = List.copyOf(extensions);
    }

    public Checkpoint(String origin, long size, Hash root) {
        this(origin, size, root, List.of());
    }

    public static Checkpoint parse(String text) throws AuditFormatException {
        if (!text.endsWith("\n")) {
            throw new AuditFormatException("checkpoint", "must end in a newline");
        }
        var lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new AuditFormatException("checkpoint", "needs origin, size and root lines, has " + lines.length);
        }
        String origin = lines[0];
        int originBytes = origin.getBytes(StandardCharsets.UTF_8).length;
        if (originBytes == 0 || originBytes > EntryCodec.MAX_ORIGIN) {
            throw new AuditFormatException("checkpoint origin", "must be 1.." + EntryCodec.MAX_ORIGIN + " bytes");
        }
        long size = parseSize(lines[1]);
        Hash root = Hash.fromBase64(lines[2], "checkpoint root hash");
        var extensions = List.of(lines).subList(3, lines.length);
        for (int i = 0; i < extensions.size(); i++) {
            if (extensions.get(i).isEmpty()) {
                throw new AuditFormatException("checkpoint extension line " + (i + 1), "is empty");
            }
        }
        return new Checkpoint(origin, size, root, extensions);
    }

    /** Canonical decimal: "0" or a non-zero digit then digits, below 2^63. */
    static long parseSize(String text) throws AuditFormatException {
        if (!text.matches("0|[1-9][0-9]{0,18}")) {
            throw new AuditFormatException("checkpoint tree size", "'" + abbreviate(text)
                    + "' is not a canonical decimal number");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new AuditFormatException("checkpoint tree size", "'" + text + "' is 2^63 or more");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** The note text this checkpoint is signed as. */
    public String format() {
        var out = new StringBuilder().append(origin).append('\n').append(size).append('\n')
                .append(root.base64()).append('\n');
        for (var extension : extensions) {
            out.append(extension).append('\n');
        }
        return out.toString();
    }
}
