package io.meridian.audit;

import java.util.List;

/**
 * Consecutive entry bytes as a verifier reads them: from a bundle in memory, a memory-mapped file or a store. Exists
 * so that verification of millions of entries need not hold them on the heap. {@link #entry} may be called from
 * several threads at once and more than once for the same position.
 */
public interface EntryRange {
    /** The log index the first entry claims to be at. */
    long first();

    int count();

    /** The bytes of the entry at {@code position} (0-based within the range). */
    byte[] entry(int position);

    static EntryRange of(long first, List<byte[]> entries) {
        return new EntryRange() {
            @Override
            public long first() {
                return first;
            }

            @Override
            public int count() {
                return entries.size();
            }

            @Override
            public byte[] entry(int position) {
                return entries.get(position);
            }
        };
    }
}
