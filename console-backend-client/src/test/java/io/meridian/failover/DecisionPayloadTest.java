package io.meridian.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.audit.Ed25519PrivateKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The golden vector of docs/failover.md: its bytes were checked field by field against the spec there. */
class DecisionPayloadTest {
    static final DecisionPayload GOLDEN = new DecisionPayload("7d9c2f4e-0b7a-4e61-9a55-2f1f3c8e6a10", 3, true,
            "Frankfurt primary lost; fra-2 is in sync", 1795575600123456L, "0f8e2c1a-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
            List.of("anti-flapping", "fencing"), "alice");
    static final String GOLDEN_HEX = "6d6572696469616e2e76312e4465636973696f6e00"
            + "00000024" + "37643963326634652d306237612d346536312d396135352d326631663363386536613130"
            + "0000000000000003" + "01"
            + "00000028" + "4672616e6b66757274207072696d617279206c6f73743b206672612d3220697320696e2073796e63"
            + "0006611105d00e40"
            + "00000024" + "30663865326331612d356236642d346537662d386139622d306331643265336634613562"
            + "00000002" + "0000000d" + "616e74692d666c617070696e67" + "00000007" + "66656e63696e67"
            + "00000005" + "616c696365";
    static final String GOLDEN_SIGNATURE = "7b1dce0d6c29dd651b094bc84202e052034d116d0c18d993dad530167ccb8ec6"
            + "f170816b37d6a137efa24ca7ec34557d66e8f0ab8fd1eb0571d4407d7c2b9004";

    @Test
    void theGoldenPayloadEncodesByteForByte() {
        assertThat(HexFormat.of().formatHex(GOLDEN.bytes())).isEqualTo(GOLDEN_HEX);
    }

    @Test
    void theGoldenSignatureIsDeterministicAndVerifies() {
        var seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) i;
        }
        var key = Ed25519PrivateKey.fromSeed(seed);
        assertThat(key.publicKey().base64()).isEqualTo("A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=");
        var signature = key.sign(GOLDEN.bytes());
        assertThat(HexFormat.of().formatHex(signature)).isEqualTo(GOLDEN_SIGNATURE);
        assertThat(key.publicKey().verify(GOLDEN.bytes(), signature)).isTrue();
    }

    @Test
    void anyChangedFieldChangesTheBytes() {
        var reject = new DecisionPayload(GOLDEN.proposalId(), 3, false, GOLDEN.reason(), GOLDEN.decidedAtMicros(),
                GOLDEN.requestId(), GOLDEN.overriddenChecks(), "alice");
        var otherSigner = new DecisionPayload(GOLDEN.proposalId(), 3, true, GOLDEN.reason(), GOLDEN.decidedAtMicros(),
                GOLDEN.requestId(), GOLDEN.overriddenChecks(), "bob");
        var otherVersion = new DecisionPayload(GOLDEN.proposalId(), 4, true, GOLDEN.reason(),
                GOLDEN.decidedAtMicros(), GOLDEN.requestId(), GOLDEN.overriddenChecks(), "alice");
        assertThat(List.of(reject.bytes(), otherSigner.bytes(), otherVersion.bytes()))
                .noneMatch(bytes -> Arrays.equals(bytes, GOLDEN.bytes()));
    }

    @Test
    void overridesMustBeSortedAndDistinct() {
        assertThatThrownBy(() -> new DecisionPayload("p", 1, true, "r", 0, "q", List.of("fencing", "anti-flapping"),
                "alice")).hasMessageContaining("sorted and distinct");
        assertThatThrownBy(() -> new DecisionPayload("p", 1, true, "r", 0, "q", List.of("fencing", "fencing"),
                "alice")).hasMessageContaining("sorted and distinct");
    }
}
