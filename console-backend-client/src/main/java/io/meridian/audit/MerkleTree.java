package io.meridian.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An append-only RFC 9162 tree held in memory: every level of perfect subtrees as packed 32-byte hashes, about 64
 * bytes per leaf (64 MB per million). It proves inclusion (section 2.1.3.1) and consistency (section 2.1.4.1) in
 * O(log^2 n) hashing. Exists for whoever produces proofs: the backend's log, evidence bundles, golden vectors; a
 * verifier needs only {@link RootAccumulator}. Appends must not run concurrently with anything else.
 */
public final class MerkleTree {
    /** levels.get(k) holds the roots of the perfect subtrees of leaves [i * 2^k, (i + 1) * 2^k), packed. */
    private final List<Level> levels = new ArrayList<>();

    /** A growable array of packed hashes. */
    private static final class Level {
        byte[] bytes = new byte[Hash.SIZE * 16];
        int count;

        void add(Hash hash) {
            if ((count + 1) * Hash.SIZE > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.toIntExact(Math.min(Integer.MAX_VALUE - 8,
                        2L * bytes.length)));
            }
            hash.copyTo(bytes, count * Hash.SIZE);
            count++;
        }

        Hash get(long index) {
            return Hash.read(bytes, Math.toIntExact(index * Hash.SIZE));
        }
    }

    public MerkleTree() {
        levels.add(new Level());
    }

    public void append(Hash leafHash) {
        levels.getFirst().add(leafHash);
        int level = 0;
        // A new right child completes a parent whenever the level now holds an even number of nodes.
        while (levels.get(level).count % 2 == 0) {
            var nodes = levels.get(level);
            var parent = TreeHasher.node(nodes.get(nodes.count - 2), nodes.get(nodes.count - 1));
            if (levels.size() == level + 1) {
                levels.add(new Level());
            }
            levels.get(level + 1).add(parent);
            level++;
        }
    }

    public long size() {
        return levels.getFirst().count;
    }

    public Hash leafHash(long index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size());
        }
        return levels.getFirst().get(index);
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
            return levels.get(level).get(start >>> level);
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
