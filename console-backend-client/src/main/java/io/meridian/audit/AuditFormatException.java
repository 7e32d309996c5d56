package io.meridian.audit;

/**
 * Bytes or text that break the audit format (docs/audit-format.md). Exists so that every parser of the package fails
 * the same way, with a message naming the element and, where there is one, the byte offset of the problem.
 */
public final class AuditFormatException extends Exception {
    private final String element;
    private final long offset;

    public AuditFormatException(String element, long offset, String problem) {
        super(element + (offset >= 0 ? " at byte " + offset : "") + ": " + problem);
        this.element = element;
        this.offset = offset;
    }

    public AuditFormatException(String element, String problem) {
        this(element, -1, problem);
    }

    /** What was being read, e.g. {@code "entry field query id"} or {@code "checkpoint tree size"}. */
    public String element() {
        return element;
    }

    /** The byte offset within that element's encoding, or -1 when the problem has no single position. */
    public long offset() {
        return offset;
    }
}
