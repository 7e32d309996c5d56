package io.meridian.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.stub.ServerCallStreamObserver;
import io.meridian.api.v1.TelemetryBatch;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.server.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-client stream: bounded by the number of keys however slow the client, and never above its rate. */
class TelemetryStreamTest {
    /** A transport whose readiness the test controls, recording what is sent. */
    private static final class FakeTransport extends ServerCallStreamObserver<TelemetryBatch> {
        final List<TelemetryBatch> sent = new ArrayList<>();
        boolean ready;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void onNext(TelemetryBatch value) {
            sent.add(value);
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void setOnCancelHandler(Runnable onCancelHandler) {
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public void setOnReadyHandler(Runnable onReadyHandler) {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }
    }

    private static List<TelemetryHub.Entry> tick(long firstSequence, int keys, int tick) {
        var entries = new ArrayList<TelemetryHub.Entry>();
        for (int k = 0; k < keys; k++) {
            entries.add(new TelemetryHub.Entry(firstSequence + k, new TelemetrySample.LinkLag("link-" + k,
                    Instant.EPOCH.plusSeconds(tick), tick, 0, false)));
        }
        return entries;
    }

    @Test
    void aClientThatNeverReadsCostsOneEntryPerKey() {
        var transport = new FakeTransport();
        var clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));
        var stream = new TelemetryStream(transport, "journal", 0, 1000, clock);
        stream.initial(List.of(), null);
        long sequence = 1;
        for (int tick = 0; tick < 2_000; tick++) {
            stream.next(tick(sequence, 50, tick));
            sequence += 50;
            clock.advance(Duration.ofMillis(50));
            stream.flush();
        }
        assertThat(transport.sent).isEmpty();
        assertThat(stream.pendingCount()).isEqualTo(50);

        transport.ready = true;
        clock.advance(Duration.ofSeconds(1));
        stream.flush();
        var samples = transport.sent.stream().mapToInt(TelemetryBatch::getSamplesCount).sum();
        assertThat(samples).isEqualTo(50);
        assertThat(transport.sent.stream().mapToLong(TelemetryBatch::getCoalesced).sum())
                .isEqualTo(50L * 2_000 - 50);
        // The batch covers everything sent: its sequence is the newest included.
        assertThat(transport.sent.getLast().getSequence()).isEqualTo(sequence - 1);
    }

    @Test
    void aFastClientNeverGetsMoreThanItsRate() {
        var transport = new FakeTransport();
        transport.ready = true;
        var clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));
        var stream = new TelemetryStream(transport, "journal", 0, 200, clock);
        stream.initial(List.of(), null);
        long sequence = 1;
        for (int tick = 0; tick < 100; tick++) {
            stream.next(tick(sequence, 100, tick));
            sequence += 100;
            clock.advance(Duration.ofMillis(50));
            stream.flush();
        }
        // 100 flushes 50 ms apart: 5 s at 200/s.
        var samples = transport.sent.stream().mapToInt(TelemetryBatch::getSamplesCount).sum();
        assertThat(samples).isBetween(990, 1000);
        assertThat(transport.sent.stream().mapToLong(TelemetryBatch::getSequence).toArray()).isSorted();
    }

    @Test
    void anIdleStreamSendsAHeartbeatEverySecondAtItsLastSequence() {
        var transport = new FakeTransport();
        transport.ready = true;
        var clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));
        var stream = new TelemetryStream(transport, "journal", 7, 100, clock);
        stream.initial(List.of(), null);
        stream.flush();
        clock.advance(Duration.ofMillis(500));
        stream.flush();
        clock.advance(Duration.ofMillis(600));
        stream.flush();
        assertThat(transport.sent).hasSize(2).allSatisfy(b -> {
            assertThat(b.getSamplesCount()).isZero();
            assertThat(b.getSequence()).isEqualTo(7);
        });
    }
}
