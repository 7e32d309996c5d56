package io.meridian.client;

import java.time.Duration;
import java.time.Instant;

/** Where a resumable stream (topology, telemetry) stands. */
public sealed interface StreamStatus {
    /** Opening the stream, before the first message. */
    record Connecting(int attempt) implements StreamStatus {}

    /** Messages flow. */
    record Live(Instant since) implements StreamStatus {}

    /** The stream broke; the next try is scheduled. {@code lastContact} is null if it never connected. */
    record Reconnecting(Instant lastContact, int attempt, Duration retryIn, String cause) implements StreamStatus {}
}
