package io.meridian.model.failover;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A signed decision as the backend recorded it: who decided (the authenticated caller, who is also the signer), what,
 * why, on which version of the proposal, and the Ed25519 signature over the canonical payload.
 */
public record Decision(String identity, String displayName, DecisionKind kind, String reason, Instant decidedAt,
                       String requestId, long proposalVersion, List<String> overriddenChecks, byte[] signature) {
    public Decision {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(requestId, "requestId");
        overriddenChecks = List.copyOf(overriddenChecks);
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The name to show: the display name, or the identity when the backend has none. */
    public String who() {
        return displayName.isEmpty() ? identity : displayName;
    }

    // A record compares arrays by reference; a decision is the same decision when its signature has the same bytes.
    @Override
    public boolean equals(Object o) {
        return o instanceof Decision d && identity.equals(d.identity) && displayName.equals(d.displayName)
                && kind == d.kind && reason.equals(d.reason) && decidedAt.equals(d.decidedAt)
                && requestId.equals(d.requestId) && proposalVersion == d.proposalVersion
                && overriddenChecks.equals(d.overriddenChecks) && Arrays.equals(signature, d.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identity, kind, requestId, proposalVersion, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "Decision[" + kind + " by " + identity + " on v" + proposalVersion + ", request " + requestId
                + ", signature " + HexFormat.of().formatHex(signature, 0, Math.min(8, signature.length)) + "…]";
    }
}
