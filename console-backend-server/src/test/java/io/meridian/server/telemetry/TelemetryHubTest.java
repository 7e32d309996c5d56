package io.meridian.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.SnapshotReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryHubTest {
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private final TelemetryHub hub = new TelemetryHub(3);

    private static TelemetrySample lag(String link, double seconds, int at) {
        return new TelemetrySample.LinkLag(link, T0.plusSeconds(at), seconds, 0, false);
    }

    private static final class Recorder implements TelemetryHub.Subscriber {
        final List<TelemetryHub.Entry> initial = new ArrayList<>();
        final List<TelemetryHub.Entry> later = new ArrayList<>();
        SnapshotReason snapshot;

        @Override
        public void initial(List<TelemetryHub.Entry> entries, SnapshotReason reason) {
            initial.addAll(entries);
            snapshot = reason;
        }

        @Override
        public void next(List<TelemetryHub.Entry> entries) {
            later.addAll(entries);
        }
    }

    @Test
    void aResumingSubscriberGetsOnlyTheKeysChangedAfterItsSequence() {
        hub.accept(List.of(lag("a", 1, 0), lag("b", 1, 0), lag("c", 1, 0)));
        hub.accept(List.of(lag("a", 2, 1)));
        var recorder = new Recorder();
        hub.subscribe(hub.journalId(), 3, recorder);
        assertThat(recorder.snapshot).isNull();
        assertThat(recorder.initial).extracting(e -> e.sample().key()).containsExactly("lag/a");
        assertThat(recorder.initial.getFirst().sequence()).isEqualTo(4);
    }

    @Test
    void aNewOrForeignSubscriberGetsEveryKeyAsASnapshotInSequenceOrder() {
        hub.accept(List.of(lag("a", 1, 0), lag("b", 1, 0)));
        hub.accept(List.of(lag("a", 2, 1)));
        var fresh = new Recorder();
        hub.subscribe("", 0, fresh);
        assertThat(fresh.snapshot).isEqualTo(SnapshotReason.INITIAL);
        assertThat(fresh.initial).extracting(e -> e.sample().key()).containsExactly("lag/b", "lag/a");
        var foreign = new Recorder();
        hub.subscribe("other-journal", 1, foreign);
        assertThat(foreign.snapshot).isEqualTo(SnapshotReason.JOURNAL_CHANGED);
        var future = new Recorder();
        hub.subscribe(hub.journalId(), 99, future);
        assertThat(future.snapshot).isEqualTo(SnapshotReason.JOURNAL_CHANGED);
    }

    @Test
    void historyIsBoundedPerKeyAndDownsamplingKeepsTheLastOfEachStep() {
        for (int i = 0; i < 5; i++) {
            hub.accept(List.of(lag("a", i, i)));
        }
        assertThat(hub.history("lag/a")).extracting(s -> ((TelemetrySample.LinkLag) s).lagSeconds())
                .containsExactly(2.0, 3.0, 4.0);
        var samples = List.<TelemetrySample>of(lag("a", 0, 0), lag("a", 1, 1), lag("a", 2, 2), lag("a", 3, 3));
        assertThat(TelemetryService.downsample(samples, T0.plusSeconds(1), Duration.ofSeconds(2)))
                .extracting(s -> ((TelemetrySample.LinkLag) s).lagSeconds()).containsExactly(1.0, 3.0);
        assertThat(TelemetryService.downsample(samples, Instant.MIN, Duration.ZERO)).hasSize(4);
    }

    @Test
    void lastAtOrBeforeFindsTheNewestSampleNotAfterTheInstantWithinTheKeptHistory() {
        for (int i = 0; i < 5; i++) {
            hub.accept(List.of(lag("a", 10 + i, 2 * i)));
        }
        assertThat(hub.lastAtOrBefore("lag/a", T0.plusSeconds(7)))
                .map(s -> ((TelemetrySample.LinkLag) s).lagSeconds()).contains(13.0);
        assertThat(hub.lastAtOrBefore("lag/a", T0.plusSeconds(8)))
                .map(s -> ((TelemetrySample.LinkLag) s).lagSeconds()).contains(14.0);
        assertThat(hub.lastAtOrBefore("lag/a", T0.plusSeconds(3))).as("older than the kept history").isEmpty();
        assertThat(hub.lastAtOrBefore("lag/b", T0.plusSeconds(8))).isEmpty();
    }

    @Test
    void laterSamplesReachSubscribersUntilTheyUnsubscribe() {
        var recorder = new Recorder();
        var unsubscribe = hub.subscribe("", 0, recorder);
        hub.accept(List.of(lag("a", 1, 0)));
        unsubscribe.run();
        hub.accept(List.of(lag("a", 2, 1)));
        assertThat(recorder.later).hasSize(1);
    }
}
