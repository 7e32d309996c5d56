package io.meridian.client;

import io.meridian.model.topology.TopologyEvent;

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
}
