package io.meridian.client.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.api.v1.RegionService;
import io.meridian.model.telemetry.SampleCheck;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.telemetry.TransactionRates;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Region service figures on the wire: rates known, zero and unknown stay apart. */
class TelemetryMapperTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:15:30.123456789Z");

    private static TelemetrySample.RegionService service(Optional<TransactionRates> transactions) {
        return new TelemetrySample.RegionService("eu-west-1", T0, 99.5, Duration.ofMinutes(5), 3.5, 12.25,
                transactions);
    }

    @Test
    void knownRatesSurviveTheRoundTrip() {
        var sample = service(Optional.of(new TransactionRates(1234.5, 17.25)));
        var proto = TelemetryMapper.toProto(sample);
        assertThat(proto.getRegionService().hasTransactions()).isTrue();
        assertThat(proto.getRegionService().getTransactions().getCommitsPerSecond()).isEqualTo(1234.5);
        assertThat(proto.getRegionService().getTransactions().getRollbacksPerSecond()).isEqualTo(17.25);
        assertThat(TelemetryMapper.fromProto(proto)).isEqualTo(sample);
    }

    @Test
    void zeroRatesAreKnownAndUnknownRatesAreAbsent() {
        var idle = service(Optional.of(new TransactionRates(0, 0)));
        var idleProto = TelemetryMapper.toProto(idle);
        assertThat(idleProto.getRegionService().hasTransactions()).isTrue();
        assertThat(TelemetryMapper.fromProto(idleProto)).isEqualTo(idle);

        var unknown = service(Optional.empty());
        var unknownProto = TelemetryMapper.toProto(unknown);
        assertThat(unknownProto.getRegionService().hasTransactions()).isFalse();
        assertThat(TelemetryMapper.fromProto(unknownProto)).isEqualTo(unknown);
        assertThat(((TelemetrySample.RegionService) TelemetryMapper.fromProto(unknownProto)).transactions())
                .isEmpty();
    }

    @Test
    void anOlderBackendWithoutTheFieldMeansUnknown() throws Exception {
        // A RegionService as a backend before the field existed wrote it: fields 1 to 5 only.
        var old = io.meridian.api.v1.TelemetrySample.newBuilder().setObservedAt(ProtoTime.timestamp(T0))
                .setRegionService(RegionService.newBuilder().setRegionId("eu-west-1").setAvailabilityPercent(100)
                        .setWindow(ProtoTime.duration(Duration.ofMinutes(5))).setLatencyP50Millis(1)
                        .setLatencyP95Millis(2))
                .build();
        var parsed = io.meridian.api.v1.TelemetrySample.parseFrom(old.toByteArray());
        var sample = (TelemetrySample.RegionService) TelemetryMapper.fromProto(parsed);
        assertThat(sample.transactions()).isEmpty();
        assertThat(SampleCheck.problem(sample)).isEmpty();
    }

    @Test
    void impossibleRatesFromTheWireAreNamedNotShown() {
        var negative = TelemetryMapper.fromProto(TelemetryMapper.toProto(
                service(Optional.of(new TransactionRates(-1, 0)))));
        var nan = TelemetryMapper.fromProto(TelemetryMapper.toProto(
                service(Optional.of(new TransactionRates(5, Double.NaN)))));
        assertThat(SampleCheck.problem(negative)).hasValueSatisfying(p -> assertThat(p)
                .contains("service/eu-west-1", "-1.0 commits/s", "not rates"));
        assertThat(SampleCheck.problem(nan)).hasValueSatisfying(p -> assertThat(p).contains("NaN rollbacks/s"));
        assertThat(SampleCheck.problem(service(Optional.of(new TransactionRates(5, 0))))).isEmpty();
    }
}
