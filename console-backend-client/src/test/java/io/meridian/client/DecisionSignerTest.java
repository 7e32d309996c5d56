package io.meridian.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.failover.DecisionPayload;
import io.meridian.model.failover.DecisionDraft;
import io.meridian.model.failover.DecisionKind;
import io.meridian.model.session.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionSignerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T14:05:06.123456789Z");
    private final Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(seed(7));
    private final ActingIdentity dana = new ActingIdentity("dana", "Dana Ops", Set.of(Role.OPERATOR), key);
    private final DecisionSigner signer = new DecisionSigner(Clock.fixed(NOW, ZoneOffset.UTC),
            () -> UUID.fromString("00000000-0000-4000-8000-000000000001"));

    @Test
    void thePayloadCarriesTheDraftTheIdentityMicrosecondsAndSortedOverrides() {
        var signed = signer.sign(new DecisionDraft("p-9", 3, DecisionKind.APPROVE, "primary lost",
                List.of("lag-gate", "fencing", "lag-gate")), dana);
        assertThat(signed.payload()).isEqualTo(new DecisionPayload("p-9", 3, true, "primary lost",
                NOW.getEpochSecond() * 1_000_000 + 123_456, "00000000-0000-4000-8000-000000000001",
                List.of("fencing", "lag-gate"), "dana"));
    }

    @Test
    void theSignatureVerifiesWithTheIdentitysKeyAndOnlyOverTheseBytes() {
        var signed = signer.sign(new DecisionDraft("p-9", 3, DecisionKind.REJECT, "not yet", List.of()), dana);
        var bytes = signed.payload().bytes();
        assertThat(key.publicKey().verify(bytes, signed.signature())).isTrue();
        bytes[bytes.length - 1] ^= 1;
        assertThat(key.publicKey().verify(bytes, signed.signature())).isFalse();
        var other = Ed25519PrivateKey.fromSeed(seed(8)).publicKey();
        assertThat(other.verify(signed.payload().bytes(), signed.signature())).isFalse();
    }

    @Test
    void eachSigningIsANewRequest() {
        var real = new DecisionSigner(Clock.fixed(NOW, ZoneOffset.UTC));
        var draft = new DecisionDraft("p-9", 3, DecisionKind.APPROVE, "go", List.of());
        assertThat(real.sign(draft, dana).payload().requestId())
                .isNotEqualTo(real.sign(draft, dana).payload().requestId());
    }

    @Test
    void aDecisionWithoutAReasonIsNotADecision() {
        assertThatThrownBy(() -> new DecisionDraft("p-9", 3, DecisionKind.APPROVE, "  ", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
    }

    private static byte[] seed(int value) {
        var seed = new byte[32];
        seed[0] = (byte) value;
        return seed;
    }
}
