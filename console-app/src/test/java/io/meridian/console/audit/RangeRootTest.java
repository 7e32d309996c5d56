package io.meridian.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.audit.Hash;
import io.meridian.audit.MerkleTree;
import io.meridian.audit.TreeHasher;
import org.junit.jupiter.api.Test;

/** The root from a range and its boundary proofs, against a brute-force tree: every size to 40, every range. */
class RangeRootTest {
    @Test
    void everyRangeOfEveryTreeLeadsToItsRoot() {
        for (int size = 1; size <= 40; size++) {
            var tree = new MerkleTree();
            for (int i = 0; i < size; i++) {
                tree.append(TreeHasher.leaf(new byte[] {(byte) i, (byte) size}));
            }
            for (int from = 0; from < size; from++) {
                for (int to = from + 1; to <= size; to++) {
                    var leaves = new byte[(to - from) * Hash.SIZE];
                    for (int i = from; i < to; i++) {
                        tree.leafHash(i).copyTo(leaves, (i - from) * Hash.SIZE);
                    }
                    var root = RangeRoot.compute(size, from, to, leaves, tree.inclusionProof(from, size),
                            tree.inclusionProof(to - 1, size));
                    assertThat(root).as("size %d, range [%d, %d)", size, from, to).isEqualTo(tree.root(size));
                    leaves[leaves.length / 2] ^= 1;
                    assertThat(RangeRoot.compute(size, from, to, leaves, tree.inclusionProof(from, size),
                            tree.inclusionProof(to - 1, size))).isNotEqualTo(tree.root(size));
                }
            }
        }
    }
}
