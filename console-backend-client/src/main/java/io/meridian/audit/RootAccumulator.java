package io.meridian.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes an RFC 9162 tree head while leaf hashes stream in, holding one hash per set bit of the size: O(log n)
 * memory however long the log. Exists so that a verifier can recompute the root of millions of entries without keeping
 * them.
 */
public final class RootAccumulator {
    /** Roots of the perfect subtrees covering the leaves so far, largest (leftmost) first. */
    private final List<Hash> stack = new ArrayList<>(64);
    private long size;

    public void append(Hash leafHash) {
        Hash carry = leafHash;
        // Merging on each trailing one-bit of the old size turns the covering subtrees into those of size + 1.
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            carry = TreeHasher.node(stack.removeLast(), carry);
        }
        stack.add(carry);
        size++;
    }

    public long size() {
        return size;
    }

    /** MTH of the leaves appended so far (RFC 9162 section 2.1.1). */
    public Hash root() {
        if (stack.isEmpty()) {
            return TreeHasher.EMPTY_ROOT;
        }
        Hash root = stack.getLast();
        for (int i = stack.size() - 2; i >= 0; i--) {
            root = TreeHasher.node(stack.get(i), root);
        }
        return root;
    }
}
