package io.meridian.server.platform;

import io.meridian.model.session.PlatformInfo;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyDelta;
import java.util.function.Consumer;

/**
 * What the server core needs from a platform, simulated or live. Services, journals and (later) the failover
 * workflow, audit store and drills are written against this interface only, so a platform plugs in without
 * touching them. Implementations report observations; they never see gRPC.
 */
public interface Platform extends AutoCloseable {
    /** What the platform is, for the session service and the console's banner. */
    PlatformInfo info();

    /** The topology as the platform observes it now. */
    Topology topology();

    /**
     * Starts observing; every change of the topology is passed to {@code changes}, in order, on one thread at a
     * time. A change is relative to the topology last reported (or to {@link #topology()} before the first).
     */
    void start(Consumer<TopologyDelta> changes);

    /** Stops observing and releases what the platform holds. */
    @Override
    void close();
}
