package io.meridian.client.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.api.v1.DecisionKind;
import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.client.ActingIdentity;
import io.meridian.client.DecisionSigner;
import io.meridian.model.failover.DecisionDraft;
import io.meridian.model.failover.DecisionReceipt;
import io.meridian.model.failover.FailoverSamples;
import io.meridian.model.failover.ProposalEvent;
import io.meridian.model.session.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailoverMapperTest {
    @Test
    void anOpenProposalSurvivesTheRoundTripWithItsOptionalTimes() {
        var open = FailoverSamples.open(4, List.of(FailoverSamples.approval("dana", 4)));
        var proto = FailoverMapper.toProto(open);
        assertThat(proto.hasMeasuredRto()).isFalse();
        assertThat(proto.hasFlappingWindowEndsAt()).isTrue();
        assertThat(FailoverMapper.fromProto(proto)).isEqualTo(open);
    }

    @Test
    void aFinishedProposalKeepsPhasesMeasurementsAndUnsetTimes() {
        var done = FailoverSamples.succeeded();
        var back = FailoverMapper.fromProto(FailoverMapper.toProto(done));
        assertThat(back).isEqualTo(done);
        assertThat(back.phases().get(2).finishedAt()).isNull();
        assertThat(back.phases().get(3).startedAt()).isNull();
        assertThat(back.flappingWindowEnd()).isEmpty();
        assertThat(back.measuredRtoValue()).contains(java.time.Duration.ofSeconds(92));
    }

    @Test
    void eventsAndReceiptsRoundTrip() {
        var changed = new ProposalEvent.Changed(FailoverSamples.OPENED, FailoverSamples.succeeded());
        assertThat(FailoverMapper.fromProto(FailoverMapper.toProto(changed))).isEqualTo(changed);
        var heartbeat = new ProposalEvent.Heartbeat(FailoverSamples.OPENED);
        assertThat(FailoverMapper.fromProto(FailoverMapper.toProto(heartbeat))).isEqualTo(heartbeat);
        var receipt = new DecisionReceipt(FailoverSamples.succeeded(), FailoverSamples.approval("omar", 2), true);
        assertThat(FailoverMapper.fromProto(FailoverMapper.toProto(receipt))).isEqualTo(receipt);
    }

    @Test
    void anUnknownVerdictNamesTheProposalAndTheRule() {
        var proto = FailoverMapper.toProto(FailoverSamples.open(1, List.of())).toBuilder();
        proto.getDryRunBuilder().getChecksBuilder(1).setVerdictValue(42);
        assertThatThrownBy(() -> FailoverMapper.fromProto(proto.build()))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("p-1").hasMessageContaining("fencing");
    }

    @Test
    void aSignedDecisionGoesOnTheWireWithTheSignedMicroseconds() {
        var key = Ed25519PrivateKey.fromSeed(new byte[32]);
        var clock = Clock.fixed(Instant.parse("2026-11-25T14:05:06.789012345Z"), ZoneOffset.UTC);
        var signed = new DecisionSigner(clock).sign(new DecisionDraft("p-1", 7,
                io.meridian.model.failover.DecisionKind.REJECT, "not yet", List.of()),
                new ActingIdentity("omar", "Omar", Set.of(Role.OPERATOR), key));
        var request = FailoverMapper.toProto(signed);
        assertThat(request.getDecision()).isEqualTo(DecisionKind.DECISION_KIND_REJECT);
        assertThat(request.getDecidedAt().getSeconds()).isEqualTo(clock.instant().getEpochSecond());
        assertThat(request.getDecidedAt().getNanos()).isEqualTo(789_012_000);
        assertThat(request.getRequestId()).isEqualTo(signed.payload().requestId());
        assertThat(request.getSignature().toByteArray()).isEqualTo(signed.signature());
    }
}
