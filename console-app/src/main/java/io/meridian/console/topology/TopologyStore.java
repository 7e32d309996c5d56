package io.meridian.console.topology;

import io.meridian.client.StreamStatus;
import io.meridian.client.TopologyWatch;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the topology watch (on a gRPC thread) leaves its state for the FX thread: the watch applies every event
 * here and marks the store dirty; the FX thread takes the latest state once per pulse. However fast events arrive,
 * the FX thread sees at most one update per frame and never one {@code runLater} per event.
 */
public final class TopologyStore implements TopologyWatch.Listener {
    private final Clock clock;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile Topology topology;
    private volatile StreamStatus status = new StreamStatus.Connecting(1);
    private volatile Instant lastEventAt;

    public TopologyStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onEvent(TopologyEvent event) {
        switch (event) {
            case TopologyEvent.Snapshot s -> topology = s.topology();
            case TopologyEvent.Delta d -> {
                if (topology != null) {
                    topology = topology.apply(d.delta());
                }
            }
            case TopologyEvent.Heartbeat h -> { }
        }
        lastEventAt = clock.instant();
        dirty.set(true);
    }

    @Override
    public void onStatus(StreamStatus newStatus) {
        status = newStatus;
        dirty.set(true);
    }

    /** Whether anything changed since the last {@link #takeDirty()}, without clearing the mark. */
    public boolean isDirty() {
        return dirty.get();
    }

    /** Clears the dirty mark and says whether anything changed since the last call. */
    public boolean takeDirty() {
        return dirty.getAndSet(false);
    }

    public Topology topology() {
        return topology;
    }

    public StreamStatus status() {
        return status;
    }

    /** When the last event (heartbeats included) arrived, or null before the first. */
    public Instant lastEventAt() {
        return lastEventAt;
    }
}
