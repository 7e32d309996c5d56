package io.meridian.server.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.api.v1.Measure;
import io.meridian.api.v1.MeasureVerdict;
import io.meridian.api.v1.TimelineEvent;
import io.meridian.api.v1.TimelineKind;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.model.topology.GeoLocation;
import io.meridian.model.topology.PlatformTargets;
import io.meridian.model.topology.RecoveryTier;
import io.meridian.model.topology.Region;
import io.meridian.model.topology.RegionRole;
import io.meridian.model.topology.TierTargets;
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Measures derived from a timeline, against tier targets. */
class DrillMeasuresTest {
    private static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");
    private static final Topology TOPOLOGY = new Topology(new PlatformTargets(Duration.ofSeconds(30),
            Duration.ofSeconds(30), Duration.ofSeconds(60), 1, 99.99, Duration.ofMillis(150), Duration.ofMillis(500)),
            List.of(new TierTargets(RecoveryTier.HOT, Duration.ofMinutes(5), Duration.ofMinutes(1), ""),
                    new TierTargets(RecoveryTier.WARM, Duration.ofMinutes(30), Duration.ofMinutes(1), "")),
            List.of(new Region("hot-1", "Hot", "AWS", new GeoLocation(0, 0), List.of("GDPR"), RecoveryTier.HOT,
                            RegionRole.PRIMARY),
                    new Region("warm-1", "Warm", "AWS", new GeoLocation(0, 0), List.of("GDPR"), RecoveryTier.WARM,
                            RegionRole.PRIMARY)),
            List.of(), List.of());
    private static final DrillTargets HOT = DrillTargets.of(TOPOLOGY, "hot-1", Duration.ofSeconds(30));

    private final List<TimelineEvent> timeline = new ArrayList<>();

    @Test
    void targetsComeFromTheRegionsTierAndTheDecisionGetsWhatTheRtoLeaves() {
        assertThat(HOT.rto()).isEqualTo(Duration.ofMinutes(5));
        assertThat(HOT.rpo()).isEqualTo(Duration.ofMinutes(1));
        assertThat(HOT.detection()).isEqualTo(Duration.ofSeconds(30));
        assertThat(HOT.decision()).isEqualTo(Duration.ofMinutes(4));
        assertThat(DrillTargets.of(TOPOLOGY, "warm-1", Duration.ofSeconds(30)).rto())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void eachFigureIsTheIntervalBetweenItsTwoEvents() {
        event(0, TimelineKind.TIMELINE_KIND_FAULT_INJECTED, "", false, null);
        event(12, TimelineKind.TIMELINE_KIND_DETECTED, "db", false, null);
        event(12, TimelineKind.TIMELINE_KIND_PROPOSAL_OPENED, "db", false, null);
        event(70, TimelineKind.TIMELINE_KIND_DECISION, "db", false, null);
        event(100, TimelineKind.TIMELINE_KIND_DECISION, "db", true, null);
        event(130, TimelineKind.TIMELINE_KIND_RECOVERED, "db", false, Duration.ofSeconds(2));
        var measures = DrillMeasures.compute(timeline, HOT, true, true);

        assertThat(find(measures, "detection", "").getMeasured()).isEqualTo(ProtoTime.duration(Duration.ofSeconds(12)));
        assertThat(find(measures, "time to decision", "db").getMeasured())
                .as("opened to the decisive (second) approval").isEqualTo(ProtoTime.duration(Duration.ofSeconds(88)));
        assertThat(find(measures, "RTO", "db").getMeasured()).isEqualTo(ProtoTime.duration(Duration.ofSeconds(130)));
        assertThat(find(measures, "RPO", "db").getMeasured()).isEqualTo(ProtoTime.duration(Duration.ofSeconds(2)));
        assertThat(measures).allMatch(m -> m.getVerdict() == MeasureVerdict.MEASURE_VERDICT_PASS);
    }

    @Test
    void aMissedTargetFailsAndAMissingFigureIsPendingUntilTheDrillEnds() {
        event(0, TimelineKind.TIMELINE_KIND_FAULT_INJECTED, "", false, null);
        event(45, TimelineKind.TIMELINE_KIND_DETECTED, "db", false, null);
        event(45, TimelineKind.TIMELINE_KIND_PROPOSAL_OPENED, "db", false, null);
        var running = DrillMeasures.compute(timeline, HOT, true, false);
        assertThat(find(running, "detection", "").getVerdict()).as("45 s against 30 s")
                .isEqualTo(MeasureVerdict.MEASURE_VERDICT_FAIL);
        assertThat(find(running, "RTO", "db").getVerdict()).isEqualTo(MeasureVerdict.MEASURE_VERDICT_PENDING);

        var ended = DrillMeasures.compute(timeline, HOT, true, true);
        assertThat(find(ended, "RTO", "db").getVerdict()).isEqualTo(MeasureVerdict.MEASURE_VERDICT_FAIL);
        assertThat(find(ended, "RTO", "db").getNote()).isEqualTo("not recovered");
        assertThat(find(ended, "RPO", "db").getVerdict()).isEqualTo(MeasureVerdict.MEASURE_VERDICT_NOT_APPLICABLE);
    }

    @Test
    void aBlockedClusterFailsItsRtoWithTheReason() {
        event(0, TimelineKind.TIMELINE_KIND_FAULT_INJECTED, "", false, null);
        event(5, TimelineKind.TIMELINE_KIND_PROPOSAL_OPENED, "na-db", false, null);
        timeline.add(TimelineEvent.newBuilder().setAt(ProtoTime.timestamp(T0.plusSeconds(5)))
                .setKind(TimelineKind.TIMELINE_KIND_NOT_RECOVERED).setSubject("na-db")
                .setDetail("cannot be approved: blocked by candidate-health").build());
        var measures = DrillMeasures.compute(timeline, HOT, true, false);
        assertThat(find(measures, "RTO", "na-db").getVerdict()).isEqualTo(MeasureVerdict.MEASURE_VERDICT_FAIL);
        assertThat(find(measures, "RTO", "na-db").getNote()).contains("blocked by candidate-health");
    }

    private void event(long seconds, TimelineKind kind, String subject, boolean decisive, Duration value) {
        var e = TimelineEvent.newBuilder().setAt(ProtoTime.timestamp(T0.plusSeconds(seconds)))
                .setWallOffset(ProtoTime.duration(Duration.ofMillis(seconds * 50))).setKind(kind).setSubject(subject)
                .setDecisive(decisive);
        if (value != null) {
            e.setValue(ProtoTime.duration(value));
        }
        timeline.add(e.build());
    }

    private static Measure find(List<Measure> measures, String name, String subject) {
        return measures.stream().filter(m -> m.getName().equals(name) && m.getSubject().equals(subject)).findFirst()
                .orElseThrow();
    }
}
