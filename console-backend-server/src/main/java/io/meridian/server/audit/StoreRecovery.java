package io.meridian.server.audit;

/**
 * What opening a {@link SegmentStore} found: how many entries survive, in how many segments, and how many bytes of a
 * torn tail (a record whose write was cut by a crash, never acknowledged) were cut off.
 */
public record StoreRecovery(long entries, int segments, long truncatedBytes) {
}
