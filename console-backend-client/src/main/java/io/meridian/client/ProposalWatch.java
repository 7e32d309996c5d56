package io.meridian.client;

import io.meridian.model.failover.ProposalEvent;

/**
 * A watch of failover proposals that survives lost connections: after each (re)connection it receives every current
 * proposal again, then each change. Closing it stops it for good.
 */
public interface ProposalWatch extends AutoCloseable {
    @Override
    void close();

    /** Receives a watch's events and its connection status, on a background thread, one call at a time. */
    interface Listener {
        void onEvent(ProposalEvent event);

        void onStatus(StreamStatus status);
    }
}
