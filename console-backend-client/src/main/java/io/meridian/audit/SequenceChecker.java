package io.meridian.audit;

import java.util.BitSet;

/**
 * Names what happened to the order of a range from the sequence numbers its entries carry: deleted entries (a jump
 * forward), an inserted entry (a sequence seen again), a swapped pair, or an entry moved backwards. Looks one entry
 * ahead to tell a swapped pair from a deletion, so positions are reported one call late and {@link #finish} flushes.
 */
final class SequenceChecker {
    private static final long MALFORMED = -1;

    private final long first;
    private final int count;
    private final VerificationReport report;
    /** Sequences in [first, first + count) seen so far; others cannot be legitimate and are not tracked. */
    private final BitSet seen;
    private long expected;
    private long pendingSequence = Long.MIN_VALUE;
    private long pendingIndex;
    /** The lower half of a swapped pair, accepted without a second finding when it arrives. */
    private long swapPartner = -1;

    SequenceChecker(long first, int count, VerificationReport report) {
        this.first = first;
        this.count = count;
        this.report = report;
        this.seen = new BitSet(count);
        this.expected = first;
    }

    /** The entry at log index {@code index} carries {@code sequence}; -1 when it did not decode. */
    void accept(long index, long sequence) {
        if (pendingSequence != Long.MIN_VALUE) {
            check(pendingIndex, pendingSequence, sequence);
        }
        pendingIndex = index;
        pendingSequence = sequence;
    }

    void acceptMalformed(long index) {
        accept(index, MALFORMED);
    }

    void finish() {
        if (pendingSequence != Long.MIN_VALUE) {
            check(pendingIndex, pendingSequence, Long.MIN_VALUE);
            pendingSequence = Long.MIN_VALUE;
        }
    }

    private void check(long index, long sequence, long next) {
        if (sequence == MALFORMED) {
            expected++;
            return;
        }
        boolean tracked = sequence >= first && sequence - first < count;
        boolean seenBefore = tracked && seen.get((int) (sequence - first));
        if (tracked) {
            seen.set((int) (sequence - first));
        }
        if (sequence == swapPartner && !seenBefore) {
            swapPartner = -1;
            return;
        }
        if (sequence == expected) {
            expected++;
        } else if (sequence > expected) {
            if (sequence == expected + 1 && next == expected) {
                report.add(TamperClass.ENTRIES_REORDERED, index, "entries " + expected + " and " + sequence
                        + " appear in swapped order");
                swapPartner = expected;
                expected = sequence + 1;
            } else {
                report.add(TamperClass.ENTRY_MISSING, index, (sequence - expected == 1
                        ? "entry " + expected + " is missing"
                        : "entries " + expected + " to " + (sequence - 1) + " are missing")
                        + " (this entry carries sequence " + sequence + ")");
                expected = sequence + 1;
            }
        } else if (seenBefore) {
            report.add(TamperClass.ENTRY_INSERTED, index, "sequence " + sequence + " appears a second time, at log"
                    + " index " + index);
        } else {
            report.add(TamperClass.ENTRIES_REORDERED, index, "entry " + sequence + " appears after entry "
                    + (expected - 1));
        }
    }
}
