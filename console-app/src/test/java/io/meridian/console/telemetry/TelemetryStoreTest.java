package io.meridian.console.telemetry;

import static io.meridian.console.telemetry.TestTopology.LINK;
import static io.meridian.console.telemetry.TestTopology.T0;
import static io.meridian.console.telemetry.TestTopology.clock;
import static io.meridian.console.telemetry.TestTopology.lag;
import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.telemetry.TelemetryBatch;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.SnapshotReason;
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryStoreTest {
    private final MutableClock clock = new MutableClock(T0);
    private Topology topology = TestTopology.topology();
    private final TelemetryStore store = new TelemetryStore(clock, () -> topology, 5);
    private long sequence;

    private void deliver(TelemetrySample... samples) {
        store.onBatch(new TelemetryBatch(new JournalPosition("j", ++sequence), clock.instant(), null,
                List.of(samples), 0));
    }

    private void snapshot(TelemetrySample... samples) {
        store.onBatch(new TelemetryBatch(new JournalPosition("j", ++sequence), clock.instant(),
                SnapshotReason.JOURNAL_CHANGED, List.of(samples), 0));
    }

    private static String key(String linkId) {
        return TelemetrySample.LinkLag.keyOf(linkId);
    }

    @Test
    void theLatestSampleOfAKeyWins() {
        deliver(lag(1.0, 0), lag(2.0, 1));
        deliver(lag(3.0, 2));
        var changes = store.drain();
        assertThat(changes.figures()).containsOnlyKeys(key(LINK));
        assertThat(((TelemetrySample.LinkLag) changes.figures().get(key(LINK)).sample()).lagSeconds()).isEqualTo(3.0);
        assertThat(store.isDirty()).isFalse();
        assertThat(store.drain().figures()).isEmpty();
    }

    @Test
    void aSnapshotReplacesEverything() {
        deliver(lag(1.0, 0), clock("us-1", 0.2, 0));
        store.drain();
        snapshot(clock("eu-1", 0.3, 5));
        var changes = store.drain();
        assertThat(changes.replaced()).isTrue();
        assertThat(changes.figures()).containsOnlyKeys(TelemetrySample.ClockOffset.keyOf("eu-1"));
        assertThat(store.latest(key(LINK))).isEmpty();
        assertThat(store.history(key(LINK), Long.MIN_VALUE).isEmpty()).isTrue();
    }

    @Test
    void theHistoryRingIsBoundedAndKeepsOnePointPerSecond() {
        for (int second = 0; second < 8; second++) {
            deliver(lag(second, second));
        }
        // A second point within second 7 replaces the first; an older one is dropped (no duplicates on resume).
        deliver(new TelemetrySample.LinkLag(LINK, T0.plusMillis(7_500), 7.5, 0, false));
        deliver(lag(1.0, 1));
        var points = store.history(key(LINK), Long.MIN_VALUE);
        assertThat(points.times()).hasSize(5);
        assertThat(points.values()[Channels.LAG_SECONDS]).containsExactly(3, 4, 5, 6, 7.5);
        assertThat(store.history(key(LINK), T0.plusSeconds(5).toEpochMilli()).times()).hasSize(2);
    }

    @Test
    void implausibleFiguresAreNotAppliedButReported() {
        deliver(lag(4.0, 0));
        store.drain();
        deliver(lag(Double.NaN, 1), lag(-3, 2));
        var changes = store.drain();
        assertThat(changes.figures()).isEmpty();
        assertThat(changes.anomalies()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo(key(LINK));
            assertThat(a.what()).contains("-3.0 s");
            assertThat(a.count()).isEqualTo(2);
        });
        // The last good figure stays, and ages: it is never replaced by the bad one.
        assertThat(((TelemetrySample.LinkLag) store.latest(key(LINK)).orElseThrow().sample()).lagSeconds())
                .isEqualTo(4.0);
        deliver(new TelemetrySample.ClockOffset("us-1", T0, Double.NaN, 0.1));
        assertThat(store.drain().anomalies()).singleElement()
                .satisfies(a -> assertThat(a.what()).contains("NaN"));
    }

    @Test
    void samplesAboutUnknownIdsAreReportedNotShown() {
        deliver(lag("xx-1->us-1", 2.0, 0, false), clock("ghost-9", 0.1, 0),
                TestTopology.drift("mars", false, 0));
        var changes = store.drain();
        assertThat(changes.figures()).isEmpty();
        assertThat(changes.anomalies()).extracting(Anomaly::what).containsExactlyInAnyOrder(
                "lag for link xx-1->us-1, which the topology does not have",
                "clock offset for replica ghost-9, which the topology does not have",
                "drift for region mars, which the topology does not have");
    }

    @Test
    void anAgeCountsFromObservationOnTheConsolesClockWhateverTheServersClockSays() {
        // The server's clock runs 100 s ahead; the sample was 2 s old when sent.
        var serverNow = T0.plusSeconds(100);
        store.onBatch(new TelemetryBatch(new JournalPosition("j", 1), serverNow, null,
                List.of(new TelemetrySample.LinkLag(LINK, serverNow.minusSeconds(2), 1.0, 0, false)), 0));
        var figure = store.drain().figures().get(key(LINK));
        assertThat(figure.age(clock.instant())).isEqualTo(Duration.ofSeconds(2));
        assertThat(figure.stale(clock.instant())).isFalse();
        assertThat(figure.stale(clock.instant().plusSeconds(2))).isTrue();
    }

    @Test
    void beforeTheFirstTopologyNoIdCanBeCheckedSoSamplesAreKept() {
        topology = null;
        deliver(lag(2.0, 0));
        assertThat(store.drain().figures()).containsOnlyKeys(key(LINK));
    }
}
