package io.meridian.audit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds repeated query ids in millions of entries with a few bytes per entry: an open-addressing table of 64-bit
 * fingerprints, each pointing at the first position that had it. A fingerprint match is confirmed by comparing the
 * actual ids (read back through a callback), so a collision never raises a false alarm; ids whose fingerprints
 * collide are kept exactly in a small side map.
 */
public final class QueryIdIndex {
    /** Reads back the query id of an earlier position. */
    public interface IdReader {
        String queryId(int position);
    }

    private final IdReader reader;
    private long[] keys;
    private int[] positions;
    private int size;
    private final Map<String, Integer> collided = new HashMap<>();

    public QueryIdIndex(int expectedCount, IdReader reader) {
        this.reader = reader;
        int capacity = Integer.highestOneBit(Math.max(16, expectedCount) * 2 - 1) << 1;
        keys = new long[capacity];
        positions = new int[capacity];
        Arrays.fill(positions, -1);
    }

    /** The fingerprint of a query id: the first 8 bytes of SHA-256 of its UTF-8. */
    public static long fingerprint(String queryId) {
        return java.nio.ByteBuffer.wrap(TreeHasher.sha256(queryId.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getLong();
    }

    /** The position recorded for {@code queryId}, or -1. */
    public int find(String queryId, long fingerprint) {
        Integer exact = collided.get(queryId);
        if (exact != null) {
            return exact;
        }
        int mask = keys.length - 1;
        for (int slot = (int) mix(fingerprint) & mask; positions[slot] >= 0; slot = (slot + 1) & mask) {
            if (keys[slot] == fingerprint) {
                int position = positions[slot];
                return reader.queryId(position).equals(queryId) ? position : -1;
            }
        }
        return -1;
    }

    /**
     * Records {@code queryId} at {@code position} unless it is already there; returns the earlier position with the
     * same id, or -1 when it is new.
     */
    public int add(String queryId, long fingerprint, int position) {
        Integer exact = collided.get(queryId);
        if (exact != null) {
            return exact;
        }
        int mask = keys.length - 1;
        for (int slot = (int) mix(fingerprint) & mask; ; slot = (slot + 1) & mask) {
            if (positions[slot] < 0) {
                keys[slot] = fingerprint;
                positions[slot] = position;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return -1;
            }
            if (keys[slot] == fingerprint) {
                int earlier = positions[slot];
                if (reader.queryId(earlier).equals(queryId)) {
                    return earlier;
                }
                collided.put(queryId, position);
                return -1;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldPositions = positions;
        keys = new long[oldKeys.length * 2];
        positions = new int[oldKeys.length * 2];
        Arrays.fill(positions, -1);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldPositions[i] >= 0) {
                int slot = (int) mix(oldKeys[i]) & mask;
                while (positions[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                positions[slot] = oldPositions[i];
            }
        }
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
