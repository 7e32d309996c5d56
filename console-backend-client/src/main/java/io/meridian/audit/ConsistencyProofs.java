package io.meridian.audit;

import java.util.List;

/**
 * RFC 9162 section 2.1.4.2: the two roots a consistency proof leads to, computed separately from the comparison with
 * the trusted roots. A proof of the wrong length is refused before anything is hashed.
 */
public final class ConsistencyProofs {
    private ConsistencyProofs() {
    }

    /** The two roots the proof leads to, the older first. */
    public record Roots(Hash first, Hash second) {
    }

    /** How many hashes a proof from {@code first} to {@code second} has (0 &lt; first &lt;= second). */
    public static int expectedLength(long first, long second) {
        if (first <= 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to size " + second);
        }
        if (first == second) {
            return 0;
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // One hash seeds the walk unless the old tree is a perfect subtree; then its root does.
        return InclusionProofs.walkLength(fn, sn, Long.bitCount(first) == 1 ? 0 : 1);
    }

    /**
     * The roots of the trees of sizes {@code first} and {@code second} that {@code proof} leads to. When
     * {@code first} is a power of two, the old tree is a subtree of the new one and its root, {@code firstRoot},
     * seeds the walk (RFC 9162 step 2).
     */
    public static Roots rootsFromProof(long first, long second, Hash firstRoot, List<Hash> proof)
            throws ProofException {
        if (first <= 0 || first > second) {
            throw new ProofException("no consistency proof from size " + first + " to size " + second);
        }
        int expected = expectedLength(first, second);
        if (proof.size() != expected) {
            throw new ProofException("consistency proof from size " + first + " to size " + second + " has "
                    + proof.size() + " hashes, needs " + expected);
        }
        if (first == second) {
            return new Roots(firstRoot, firstRoot);
        }
        int next = 0;
        Hash seed = Long.bitCount(first) == 1 ? firstRoot : proof.get(next++);
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        Hash fr = seed;
        Hash sr = seed;
        for (; next < proof.size(); next++) {
            Hash c = proof.get(next);
            if ((fn & 1) == 1 || fn == sn) {
                fr = TreeHasher.node(c, fr);
                sr = TreeHasher.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = TreeHasher.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return new Roots(fr, sr);
    }

    /** Verifies that the tree of {@code second} with {@code secondRoot} extends the one of {@code first}. */
    public static void verify(long first, long second, Hash firstRoot, Hash secondRoot, List<Hash> proof)
            throws ProofException {
        var roots = rootsFromProof(first, second, firstRoot, proof);
        if (!roots.first().equals(firstRoot)) {
            throw new ProofException("consistency proof from size " + first + " to " + second
                    + " does not lead to the old root", firstRoot, roots.first());
        }
        if (!roots.second().equals(secondRoot)) {
            throw new ProofException("consistency proof from size " + first + " to " + second
                    + " does not lead to the new root", secondRoot, roots.second());
        }
    }
}
