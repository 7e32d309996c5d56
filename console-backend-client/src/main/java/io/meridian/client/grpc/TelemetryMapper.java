package io.meridian.client.grpc;

import static io.meridian.client.grpc.ProtoTime.duration;
import static io.meridian.client.grpc.ProtoTime.instant;
import static io.meridian.client.grpc.ProtoTime.timestamp;

import io.meridian.api.v1.ClockOffset;
import io.meridian.api.v1.LinkLag;
import io.meridian.api.v1.RegionDrift;
import io.meridian.api.v1.RegionService;
import io.meridian.model.telemetry.TelemetryBatch;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.telemetry.TransactionRates;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.SnapshotReason;
import java.util.Optional;

/** Maps telemetry messages of meridian.v1 to the domain model and back, for the client and the server alike. */
public final class TelemetryMapper {
    private TelemetryMapper() {
    }

    public static io.meridian.api.v1.TelemetrySample toProto(TelemetrySample sample) {
        var builder = io.meridian.api.v1.TelemetrySample.newBuilder().setObservedAt(timestamp(sample.observedAt()));
        return switch (sample) {
            case TelemetrySample.LinkLag l -> builder.setLinkLag(LinkLag.newBuilder().setLinkId(l.linkId())
                    .setLagSeconds(l.lagSeconds()).setLagBytes(l.lagBytes()).setBreakerOpen(l.breakerOpen())).build();
            case TelemetrySample.ClockOffset c -> builder.setClockOffset(ClockOffset.newBuilder()
                    .setReplicaId(c.replicaId()).setOffsetMicros(c.offsetMicros())
                    .setUncertaintyMicros(c.uncertaintyMicros())).build();
            case TelemetrySample.RegionDrift d -> builder.setRegionDrift(RegionDrift.newBuilder()
                    .setRegionId(d.regionId()).setStatistic(d.statistic()).setPValue(d.pValue())
                    .setRegionSampleSize(d.regionSampleSize()).setReferenceSampleSize(d.referenceSampleSize())
                    .setAlpha(d.alpha()).setDrifted(d.drifted()).setMeasure(d.measure())).build();
            case TelemetrySample.RegionService s -> {
                var service = RegionService.newBuilder().setRegionId(s.regionId())
                        .setAvailabilityPercent(s.availabilityPercent()).setWindow(duration(s.window()))
                        .setLatencyP50Millis(s.latencyP50Millis()).setLatencyP95Millis(s.latencyP95Millis());
                // Unknown rates leave the field out: presence, not a zero, says whether they are known.
                s.transactions().ifPresent(t -> service.setTransactions(io.meridian.api.v1.TransactionRates
                        .newBuilder().setCommitsPerSecond(t.commitsPerSecond())
                        .setRollbacksPerSecond(t.rollbacksPerSecond())));
                yield builder.setRegionService(service).build();
            }
        };
    }

    public static TelemetrySample fromProto(io.meridian.api.v1.TelemetrySample p) {
        var at = instant(p.getObservedAt());
        return switch (p.getSampleCase()) {
            case LINK_LAG -> {
                var l = p.getLinkLag();
                // uint64 on the wire: a value past Long.MAX_VALUE arrives negative and SampleCheck names it.
                yield new TelemetrySample.LinkLag(l.getLinkId(), at, l.getLagSeconds(), l.getLagBytes(),
                        l.getBreakerOpen());
            }
            case CLOCK_OFFSET -> {
                var c = p.getClockOffset();
                yield new TelemetrySample.ClockOffset(c.getReplicaId(), at, c.getOffsetMicros(),
                        c.getUncertaintyMicros());
            }
            case REGION_DRIFT -> {
                var d = p.getRegionDrift();
                yield new TelemetrySample.RegionDrift(d.getRegionId(), at, d.getStatistic(), d.getPValue(),
                        d.getRegionSampleSize(), d.getReferenceSampleSize(), d.getAlpha(), d.getDrifted(),
                        d.getMeasure());
            }
            case REGION_SERVICE -> {
                var s = p.getRegionService();
                var transactions = s.hasTransactions()
                        ? Optional.of(new TransactionRates(s.getTransactions().getCommitsPerSecond(),
                        s.getTransactions().getRollbacksPerSecond()))
                        : Optional.<TransactionRates>empty();
                yield new TelemetrySample.RegionService(s.getRegionId(), at, s.getAvailabilityPercent(),
                        duration(s.getWindow()), s.getLatencyP50Millis(), s.getLatencyP95Millis(), transactions);
            }
            case SAMPLE_NOT_SET -> throw new ProtocolException("TelemetrySample.sample is not set");
        };
    }

    public static io.meridian.api.v1.TelemetryBatch toProto(TelemetryBatch batch) {
        var builder = io.meridian.api.v1.TelemetryBatch.newBuilder()
                .setJournalId(batch.position().journalId())
                .setSequence(batch.position().sequence())
                .setTime(timestamp(batch.time()))
                .setSnapshot(batch.snapshot())
                .setCoalesced(batch.coalesced());
        if (batch.snapshot()) {
            builder.setSnapshotReason(io.meridian.api.v1.SnapshotReason.valueOf(
                    "SNAPSHOT_REASON_" + batch.snapshotReason().name()));
        }
        batch.samples().forEach(s -> builder.addSamples(toProto(s)));
        return builder.build();
    }

    public static TelemetryBatch fromProto(io.meridian.api.v1.TelemetryBatch b) {
        SnapshotReason reason = null;
        if (b.getSnapshot()) {
            var name = b.getSnapshotReason().name();
            try {
                reason = SnapshotReason.valueOf(name.substring("SNAPSHOT_REASON_".length()));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new ProtocolException("TelemetryBatch snapshot_reason " + name + " is not one this console knows");
            }
        }
        return new TelemetryBatch(new JournalPosition(b.getJournalId(), b.getSequence()), instant(b.getTime()),
                reason, b.getSamplesList().stream().map(TelemetryMapper::fromProto).toList(), b.getCoalesced());
    }
}
