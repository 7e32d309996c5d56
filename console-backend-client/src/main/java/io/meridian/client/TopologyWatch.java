package io.meridian.client;

import io.meridian.model.topology.TopologyEvent;
import java.time.Duration;
import java.time.Instant;

/** A topology watch that survives lost connections; closing it stops it for good. */
public interface TopologyWatch extends AutoCloseable {
    @Override
    void close();

    /** Receives a watch's events and its connection status, on a background thread, one call at a time. */
    interface Listener {
        /** An event whose sequence follows the previous one (or a snapshot that replaces all state). */
        void onEvent(TopologyEvent event);

        /** The stream's status changed. */
        void onStatus(StreamStatus status);
    }

    /** Where a watch stands. */
    sealed interface StreamStatus {
        /** Opening the stream, before the first event. */
        record Connecting(int attempt) implements StreamStatus {}

        /** Events flow. */
        record Live(Instant since) implements StreamStatus {}

        /** The stream broke; the next try is scheduled. {@code lastContact} is null if it never connected. */
        record Reconnecting(Instant lastContact, int attempt, Duration retryIn, String cause)
                implements StreamStatus {}
    }
}
