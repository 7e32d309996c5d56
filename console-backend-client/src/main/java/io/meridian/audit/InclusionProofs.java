package io.meridian.audit;

import java.util.List;

/**
 * RFC 9162 section 2.1.3.2: the root that an inclusion proof leads to, computed separately from the comparison with
 * a trusted root. A proof of the wrong length is refused before anything is hashed.
 */
public final class InclusionProofs {
    private InclusionProofs() {
    }

    /** How many hashes the proof of leaf {@code index} in a tree of {@code size} has. */
    public static int expectedLength(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        return walkLength(index, size - 1, 0);
    }

    /**
     * The RFC 9162 verification walk from node {@code fn} up to the last node {@code sn}: {@code start} plus one per
     * proof hash the walk consumes. Inclusion and consistency proofs share it.
     */
    static int walkLength(long fn, long sn, int start) {
        int length = start;
        while (sn != 0) {
            if ((fn & 1) == 0 && fn == sn) {
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            }
            length++;
            fn >>>= 1;
            sn >>>= 1;
        }
        return length;
    }

    /** The root that {@code proof} leads to from {@code leafHash} at {@code index} in a tree of {@code size}. */
    public static Hash rootFromProof(long index, long size, Hash leafHash, List<Hash> proof) throws ProofException {
        if (index < 0 || index >= size) {
            throw new ProofException("leaf index " + index + " is not in a tree of size " + size);
        }
        int expected = expectedLength(index, size);
        if (proof.size() != expected) {
            throw new ProofException("inclusion proof of leaf " + index + " in a tree of size " + size + " has "
                    + proof.size() + " hashes, needs " + expected);
        }
        long fn = index;
        long sn = size - 1;
        Hash r = leafHash;
        for (Hash p : proof) {
            if ((fn & 1) == 1 || fn == sn) {
                r = TreeHasher.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = TreeHasher.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return r;
    }

    /** Verifies that {@code leafHash} is leaf {@code index} of the tree of {@code size} with {@code root}. */
    public static void verify(long index, long size, Hash leafHash, List<Hash> proof, Hash root)
            throws ProofException {
        Hash computed = rootFromProof(index, size, leafHash, proof);
        if (!computed.equals(root)) {
            throw new ProofException("inclusion proof of leaf " + index + " in a tree of size " + size
                    + " does not hold", root, computed);
        }
    }
}
