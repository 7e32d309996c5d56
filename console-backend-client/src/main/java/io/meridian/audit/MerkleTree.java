package io.meridian.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An append-only RFC 9162 tree held in memory: every level of perfect subtrees, about two hashes per leaf. It proves
 * inclusion (section 2.1.3.1) and consistency (section 2.1.4.1) in O(log^2 n) hashing. Exists for whoever produces
 * proofs: evidence bundles, the golden vectors, tests; a verifier needs only {@link RootAccumulator}.
 */
public final class MerkleTree {
    /** levels.get(k).get(i) is the root of the perfect subtree of leaves [i * 2^k, (i + 1) * 2^k). */
    private final List<List<Hash>> levels = new ArrayList<>();

    public MerkleTree() {
        levels.add(new ArrayList<>());
    }

    public void append(Hash leafHash) {
        levels.getFirst().add(leafHash);
        int level = 0;
        // A new right child completes a parent whenever the level now holds an even number of nodes.
        while (levels.get(level).size() % 2 == 0) {
            var nodes = levels.get(level);
            var parent = TreeHasher.node(nodes.get(nodes.size() - 2), nodes.getLast());
            if (levels.size() == level + 1) {
                levels.add(new ArrayList<>());
            }
            levels.get(level + 1).add(parent);
            level++;
        }
    }

    public long size() {
        return levels.getFirst().size();
    }

    public Hash leafHash(long index) {
        return levels.getFirst().get(Math.toIntExact(index));
    }

    /** MTH of the first {@code size} leaves. */
    public Hash root(long size) {
        checkSize(size);
        return size == 0 ? TreeHasher.EMPTY_ROOT : subtree(0, size);
    }

    public Hash root() {
        return root(size());
    }

    /** PATH(index, D[0..size)) of RFC 9162 section 2.1.3.1. */
    public List<Hash> inclusionProof(long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        var proof = new ArrayList<Hash>();
        path(index, 0, size, proof);
        return Collections.unmodifiableList(proof);
    }

    /** PROOF(first, D[0..second)) of RFC 9162 section 2.1.4.1, for 0 &lt; first &lt;= second. */
    public List<Hash> consistencyProof(long first, long second) {
        checkSize(second);
        if (first <= 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to size " + second);
        }
        var proof = new ArrayList<Hash>();
        subproof(first, 0, second, true, proof);
        return Collections.unmodifiableList(proof);
    }

    private void path(long m, long start, long end, List<Hash> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, start + k, proof);
            proof.add(subtree(start + k, end));
        } else {
            path(m - k, start + k, end, proof);
            proof.add(subtree(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean whole, List<Hash> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(subtree(start, end));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, proof);
            proof.add(subtree(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, proof);
            proof.add(subtree(start, start + k));
        }
    }

    /** MTH(D[start..end)), from stored perfect subtrees where the range is one, else split as RFC 9162 does. */
    private Hash subtree(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return levels.get(level).get(Math.toIntExact(start >>> level));
        }
        long k = largestPowerOfTwoBelow(n);
        return TreeHasher.node(subtree(start, start + k), subtree(start + k, end));
    }

    /** The largest power of two strictly smaller than {@code n} (n &gt; 1). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void checkSize(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("tree has " + size() + " leaves, asked for size " + size);
        }
    }
}
