package io.meridian.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Roots and proofs against a brute-force RFC 9162 tree, written straight from the RFC's recursive definitions, for
 * every size up to 64 and every leaf and pair of sizes; then every proof with a bit flipped in each of its hashes
 * (in the first, a middle and the last byte), and every proof one hash too long or too short, must fail.
 */
class MerkleProofsTest {
    private static final int MAX = 64;
    /** Bytes of each proof hash to flip a bit in: first, middle, last (a different bit each). */
    private static final int[] FLIPPED_BYTES = {0, 15, 31};
    private static final List<Hash> LEAVES = new ArrayList<>();

    static {
        for (int i = 0; i < MAX; i++) {
            LEAVES.add(TreeHasher.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    // RFC 9162 section 2.1.1, literally.
    private static Hash mth(List<Hash> d) {
        if (d.isEmpty()) {
            return TreeHasher.EMPTY_ROOT;
        }
        if (d.size() == 1) {
            return d.getFirst();
        }
        int k = Integer.highestOneBit(d.size() - 1);
        return TreeHasher.node(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    // RFC 9162 section 2.1.3.1.
    private static List<Hash> path(int m, List<Hash> d) {
        var out = new ArrayList<Hash>();
        if (d.size() <= 1) {
            return out;
        }
        int k = Integer.highestOneBit(d.size() - 1);
        if (m < k) {
            out.addAll(path(m, d.subList(0, k)));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(path(m - k, d.subList(k, d.size())));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    // RFC 9162 section 2.1.4.1.
    private static List<Hash> subproof(int m, List<Hash> d, boolean b) {
        var out = new ArrayList<Hash>();
        if (m == d.size()) {
            if (!b) {
                out.add(mth(d));
            }
            return out;
        }
        int k = Integer.highestOneBit(d.size() - 1);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(mth(d.subList(k, d.size())));
        } else {
            out.addAll(subproof(m - k, d.subList(k, d.size()), false));
            out.add(mth(d.subList(0, k)));
        }
        return out;
    }

    private static MerkleTree tree() {
        var tree = new MerkleTree();
        LEAVES.forEach(tree::append);
        return tree;
    }

    @Test
    void rootsMatchTheDefinitionForEverySize() {
        var tree = tree();
        var accumulator = new RootAccumulator();
        assertThat(accumulator.root()).isEqualTo(TreeHasher.EMPTY_ROOT);
        assertThat(TreeHasher.EMPTY_ROOT.hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (int n = 0; n <= MAX; n++) {
            var expected = mth(LEAVES.subList(0, n));
            assertThat(tree.root(n)).as("size %d", n).isEqualTo(expected);
            if (n > 0) {
                accumulator.append(LEAVES.get(n - 1));
            }
            assertThat(accumulator.root()).as("streaming, size %d", n).isEqualTo(expected);
        }
    }

    @Test
    void inclusionProofsForEveryLeafOfEverySize() throws Exception {
        var tree = tree();
        for (int n = 1; n <= MAX; n++) {
            var root = mth(LEAVES.subList(0, n));
            for (int m = 0; m < n; m++) {
                var proof = tree.inclusionProof(m, n);
                assertThat(proof).as("PATH(%d, %d)", m, n).isEqualTo(path(m, LEAVES.subList(0, n)));
                assertThat(InclusionProofs.expectedLength(m, n)).isEqualTo(proof.size());
                InclusionProofs.verify(m, n, LEAVES.get(m), proof, root);
                assertInclusionTamperingFails(m, n, proof, root);
            }
        }
    }

    private static void assertInclusionTamperingFails(int m, int n, List<Hash> proof, Hash root) {
        for (int h = 0; h < proof.size(); h++) {
            for (int b : FLIPPED_BYTES) {
                var bad = new ArrayList<>(proof);
                bad.set(h, flip(proof.get(h), b, b % 8));
                assertRefused(() -> InclusionProofs.verify(m, n, LEAVES.get(m), bad, root),
                        "PATH(" + m + ", " + n + ") hash " + h + " byte " + b);
            }
        }
        var longer = new ArrayList<>(proof);
        longer.add(root);
        assertThatThrownBy(() -> InclusionProofs.verify(m, n, LEAVES.get(m), longer, root))
                .isInstanceOf(ProofException.class).hasMessageContaining("needs " + proof.size());
        if (!proof.isEmpty()) {
            assertThatThrownBy(() -> InclusionProofs.verify(m, n, LEAVES.get(m), proof.subList(1, proof.size()), root))
                    .isInstanceOf(ProofException.class);
        }
        if (n > 1) {
            int other = (m + 1) % n;
            assertThatThrownBy(() -> InclusionProofs.verify(other, n, LEAVES.get(m), proof, root))
                    .as("wrong index").isInstanceOf(ProofException.class);
        }
        assertThatThrownBy(() -> InclusionProofs.verify(m, n, flip(LEAVES.get(m), 0, 0), proof, root))
                .as("wrong leaf").isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> InclusionProofs.verify(n, n, LEAVES.get(m), proof, root))
                .as("index beyond the tree").isInstanceOf(ProofException.class);
    }

    @Test
    void consistencyProofsForEveryPairOfSizes() throws Exception {
        var tree = tree();
        for (int n = 1; n <= MAX; n++) {
            var newRoot = mth(LEAVES.subList(0, n));
            for (int m = 1; m <= n; m++) {
                var oldRoot = mth(LEAVES.subList(0, m));
                var proof = tree.consistencyProof(m, n);
                assertThat(proof).as("PROOF(%d, %d)", m, n).isEqualTo(subproof(m, LEAVES.subList(0, n), true));
                assertThat(ConsistencyProofs.expectedLength(m, n)).isEqualTo(proof.size());
                ConsistencyProofs.verify(m, n, oldRoot, newRoot, proof);
                assertConsistencyTamperingFails(m, n, proof, oldRoot, newRoot);
            }
        }
    }

    private static void assertConsistencyTamperingFails(int m, int n, List<Hash> proof, Hash oldRoot, Hash newRoot) {
        for (int h = 0; h < proof.size(); h++) {
            for (int b : FLIPPED_BYTES) {
                var bad = new ArrayList<>(proof);
                bad.set(h, flip(proof.get(h), b, b % 8));
                assertRefused(() -> ConsistencyProofs.verify(m, n, oldRoot, newRoot, bad),
                        "PROOF(" + m + ", " + n + ") hash " + h + " byte " + b);
            }
        }
        var longer = new ArrayList<>(proof);
        longer.add(newRoot);
        assertThatThrownBy(() -> ConsistencyProofs.verify(m, n, oldRoot, newRoot, longer))
                .isInstanceOf(ProofException.class);
        if (!proof.isEmpty()) {
            assertThatThrownBy(() -> ConsistencyProofs.verify(m, n, oldRoot, newRoot, proof.subList(1, proof.size())))
                    .isInstanceOf(ProofException.class);
        }
        assertThatThrownBy(() -> ConsistencyProofs.verify(m, n, flip(oldRoot, 5, 1), newRoot, proof))
                .as("wrong old root").isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> ConsistencyProofs.verify(m, n, oldRoot, flip(newRoot, 5, 1), proof))
                .as("wrong new root").isInstanceOf(ProofException.class);
    }

    @Test
    void refusesProofsBetweenImpossibleSizes() {
        assertThatThrownBy(() -> ConsistencyProofs.verify(0, 4, TreeHasher.EMPTY_ROOT, LEAVES.get(0), List.of()))
                .isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> ConsistencyProofs.verify(5, 4, LEAVES.get(0), LEAVES.get(0), List.of()))
                .isInstanceOf(ProofException.class);
        assertThatThrownBy(() -> InclusionProofs.verify(-1, 4, LEAVES.get(0), List.of(), LEAVES.get(0)))
                .isInstanceOf(ProofException.class);
    }

    @Test
    void proofLengthsStayLogarithmicForHugeTrees() {
        long size = Long.MAX_VALUE;
        assertThat(InclusionProofs.expectedLength(size - 1, size)).isLessThanOrEqualTo(63);
        assertThat(InclusionProofs.expectedLength(0, size)).isLessThanOrEqualTo(63);
        assertThat(ConsistencyProofs.expectedLength(3, size)).isLessThanOrEqualTo(64);
    }

    /** A proof check that must throw ProofException; cheaper than assertThatThrownBy in the tight flip loops. */
    private interface ProofCheck {
        void run() throws ProofException;
    }

    private static void assertRefused(ProofCheck check, String what) {
        try {
            check.run();
        } catch (ProofException expected) {
            return;
        }
        throw new AssertionError(what + " was accepted after a bit flip");
    }

    private static Hash flip(Hash hash, int byteIndex, int bit) {
        byte[] bytes = hash.bytes();
        bytes[byteIndex] ^= (byte) (1 << bit);
        return Hash.of(bytes);
    }
}
