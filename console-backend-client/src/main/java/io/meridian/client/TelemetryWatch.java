package io.meridian.client;

import io.meridian.model.telemetry.TelemetryBatch;

/** A telemetry stream that survives lost connections and resumes where it stopped; closing it stops it for good. */
public interface TelemetryWatch extends AutoCloseable {
    @Override
    void close();

    /** Receives batches and the stream's status, on a background thread, one call at a time. */
    interface Listener {
        /** A batch; a snapshot replaces all telemetry state, other batches update their keys. */
        void onBatch(TelemetryBatch batch);

        /** The stream's status changed. */
        void onStatus(StreamStatus status);
    }
}
