package io.meridian.console.audit;

import java.util.OptionalLong;

/**
 * The range an auditor types: first and last entry numbers, inclusive, as people count ranges; either may be left
 * blank (the log's start, the checkpoint's last entry). Parsing says what is wrong in words, naming the bounds the
 * checkpoint allows; {@link #end()} is exclusive, as the format and the backend count.
 */
record EntryRangeInput(OptionalLong first, OptionalLong last) {
    /** Thrown with a message for the auditor. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    static EntryRangeInput parse(String first, String last) throws Invalid {
        return new EntryRangeInput(number(first, "First entry"), number(last, "Last entry"));
    }

    long start() {
        return first.orElse(0);
    }

    /** One past the last entry, within a log of {@code size}. */
    long end(long size) {
        return last.isPresent() ? last.getAsLong() + 1 : size;
    }

    /** Checks the range against a checkpoint of {@code size} entries. */
    void check(long size) throws Invalid {
        if (size == 0) {
            throw new Invalid("The log is empty: its latest verified checkpoint has no entries.");
        }
        long start = start();
        long end = end(size);
        if (start >= size || end > size) {
            throw new Invalid("Entries 0 to " + (size - 1) + " are in the latest verified checkpoint (size " + size
                    + "); entry " + (start >= size ? start : end - 1) + " is beyond it.");
        }
        if (end <= start) {
            throw new Invalid("The last entry (" + (end - 1) + ") comes before the first (" + start + ").");
        }
        if (end - start > Integer.MAX_VALUE) {
            throw new Invalid("A range holds at most " + Formats.count(Integer.MAX_VALUE) + " entries; verify this one "
                    + "in parts.");
        }
        if (start > 0 && end - start > RangeVerifier.MAX_INNER_RANGE) {
            throw new Invalid("A range that does not start at entry 0 holds at most "
                    + Formats.count(RangeVerifier.MAX_INNER_RANGE) + " entries (its leaf hashes are kept to tie it to "
                    + "the checkpoint); verify from entry 0 instead, which needs no such memory, or in parts.");
        }
    }

    private static OptionalLong number(String text, String field) throws Invalid {
        var trimmed = text == null ? "" : text.strip().replace(",", "").replace("_", "");
        if (trimmed.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(trimmed);
            if (value < 0) {
                throw new Invalid(field + " must not be negative; entries are numbered from 0.");
            }
            return OptionalLong.of(value);
        } catch (NumberFormatException e) {
            throw new Invalid(field + ": '" + text.strip() + "' is not an entry number (a whole number from 0).");
        }
    }
}
