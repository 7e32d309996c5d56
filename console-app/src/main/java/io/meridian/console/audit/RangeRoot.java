package io.meridian.console.audit;

import io.meridian.audit.Hash;
import io.meridian.audit.TreeHasher;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The root of an RFC 9162 tree of {@code size} leaves computed from a range of them, [from, to), and the subtrees
 * beside the range, taken from the inclusion proofs of its first and last leaves. Each hash of an inclusion proof is
 * the root of the sibling subtree at one level of the leaf's path; every subtree wholly left of the range is such a
 * sibling of the first leaf, every one wholly right of it a sibling of the last. If the root comes out as the
 * checkpoint's, the range's leaves are exactly the tree's at those positions, not merely a chain that ends in a leaf
 * of the tree.
 */
final class RangeRoot {
    private record Subtree(long lo, long hi) {
    }

    private final long from;
    private final long to;
    private final byte[] leaves;
    private final Map<Subtree, Hash> beside = new HashMap<>();

    /**
     * @param leaves      the leaf hashes of [from, to), 32 bytes each, in order
     * @param firstProof  the inclusion proof of leaf {@code from} in the tree of {@code size}, of the right length
     * @param lastProof   the inclusion proof of leaf {@code to - 1}, of the right length
     */
    private RangeRoot(long size, long from, long to, byte[] leaves, List<Hash> firstProof, List<Hash> lastProof) {
        this.from = from;
        this.to = to;
        this.leaves = leaves;
        name(from, size, firstProof);
        name(to - 1, size, lastProof);
    }

    static Hash compute(long size, long from, long to, byte[] leaves, List<Hash> firstProof, List<Hash> lastProof) {
        return new RangeRoot(size, from, to, leaves, firstProof, lastProof).subtree(0, size);
    }

    /** The leaf hash at {@code position} within the range. */
    static Hash leaf(byte[] leaves, long position) {
        return Hash.read(leaves, Math.toIntExact(position * Hash.SIZE));
    }

    /**
     * Names the subtree each proof hash is the root of: RFC 9162 PATH(m, D[lo:hi]) descends from the top, taking the
     * sibling of the half that holds m, and lists the siblings from the leaf up.
     */
    private void name(long m, long size, List<Hash> proof) {
        long lo = 0;
        long hi = size;
        int level = proof.size();
        while (hi - lo > 1) {
            long k = Long.highestOneBit(hi - lo - 1);
            level--;
            if (m < lo + k) {
                beside.put(new Subtree(lo + k, hi), proof.get(level));
                hi = lo + k;
            } else {
                beside.put(new Subtree(lo, lo + k), proof.get(level));
                lo = lo + k;
            }
        }
    }

    /** MTH(D[lo:hi]) as RFC 9162 section 2.1.1 splits it, with the subtrees outside the range from the proofs. */
    private Hash subtree(long lo, long hi) {
        if (hi <= from || lo >= to) {
            var known = beside.get(new Subtree(lo, hi));
            if (known == null) {
                throw new IllegalStateException("subtree [" + lo + ", " + hi + ") is beside no proof's path");
            }
            return known;
        }
        if (hi - lo == 1) {
            return leaf(leaves, lo - from);
        }
        long k = Long.highestOneBit(hi - lo - 1);
        return TreeHasher.node(subtree(lo, lo + k), subtree(lo + k, hi));
    }
}
