package io.meridian.failover;

import java.util.Arrays;
import java.util.Objects;

/**
 * A decision payload and its Ed25519 signature, made once per click: a retry after a lost reply sends exactly this
 * object again, so the backend sees the same request id with the same bytes and answers with its first receipt.
 */
public record SignedDecision(DecisionPayload payload, byte[] signature) {
    public SignedDecision {
        Objects.requireNonNull(payload, "payload");
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedDecision s && payload.equals(s.payload) && Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return 31 * payload.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedDecision[" + payload.proposalId() + " v" + payload.proposalVersion() + " by "
                + payload.identity() + ", request " + payload.requestId() + "]";
    }
}
