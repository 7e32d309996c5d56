package io.meridian.client;

import io.meridian.failover.DecisionPayload;
import io.meridian.failover.SignedDecision;
import io.meridian.model.failover.DecisionDraft;
import io.meridian.model.failover.DecisionKind;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a decider's draft into a signed decision: stamps it with the time in microseconds and a fresh request id,
 * builds the canonical {@link DecisionPayload} under the acting identity, and signs it with that identity's key.
 * Call it once per click; retries resend the result unchanged (a new request id would be a second decision).
 */
public final class DecisionSigner {
    private final Clock clock;
    private final Supplier<UUID> requestIds;

    public DecisionSigner(Clock clock) {
        this(clock, UUID::randomUUID);
    }

    DecisionSigner(Clock clock, Supplier<UUID> requestIds) {
        this.clock = clock;
        this.requestIds = requestIds;
    }

    public SignedDecision sign(DecisionDraft draft, ActingIdentity signer) {
        var payload = new DecisionPayload(draft.proposalId(), draft.proposalVersion(),
                draft.kind() == DecisionKind.APPROVE, draft.reason(),
                ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant()),
                requestIds.get().toString(), draft.overriddenChecks(), signer.id());
        return new SignedDecision(payload, signer.signingKey().sign(payload.bytes()));
    }
}
