package io.meridian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of a valid bundle (seeded, bounded): the parser either refuses the bytes with an
 * {@link AuditFormatException} or yields a bundle that verifies without throwing; and a mutated bundle that still
 * verifies clean must carry the same evidence (checkpoints, entries, proofs) as the original.
 */
class BundleFuzzTest {
    private static final int ROUNDS = 3_000;

    @Test
    void mutatedBundlesNeverCrashAndNeverPassWithChangedEvidence() throws Exception {
        var log = TestLog.entries(TestLog.ORIGIN, 12, 99);
        var original = TestLog.range(log, 3, 9, 6, 12);
        byte[] valid = BundleCodec.write(original);
        var verifier = new BundleVerifier(TestLog.trusted());
        var random = new Random(1125);
        int parsed = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] mutated = mutate(valid, random);
            EvidenceBundle bundle;
            try {
                bundle = BundleCodec.read(mutated);
            } catch (AuditFormatException e) {
                refused++;
                continue;
            }
            parsed++;
            var report = verifier.verify(bundle);
            if (report.verified()) {
                assertThat(evidence(bundle)).as("round %d passed with changed evidence", round)
                        .isEqualTo(evidence(original));
            }
        }
        assertThat(parsed).as("some mutations parse").isPositive();
        assertThat(refused).as("some mutations are refused").isPositive();
    }

    /** What the verification vouches for; the informational keys are left out. */
    private static List<Object> evidence(EvidenceBundle b) {
        return List.of(b.origin(), b.checkpoints(), b.consistencyProofs(), b.first(), b.complete(),
                b.entries().stream().map(Arrays::toString).toList(), b.inclusionProofs());
    }

    private static byte[] mutate(byte[] input, Random random) {
        byte[] bytes = input.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes = splice(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(16)), new byte[0]);
                case 3 -> bytes = splice(bytes, at, at, Arrays.copyOfRange(bytes, random.nextInt(bytes.length / 2),
                        bytes.length / 2 + random.nextInt(bytes.length / 2)));
                default -> bytes = splice(bytes, at, at, new byte[] {(byte) "{}[]\",:0\\".charAt(random.nextInt(9))});
            }
        }
        return bytes;
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        byte[] out = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(bytes, to, out, from + insert.length, bytes.length - to);
        return out;
    }
}
