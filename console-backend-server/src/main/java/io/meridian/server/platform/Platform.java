package io.meridian.server.platform;

import io.meridian.model.session.PlatformInfo;
import io.meridian.model.topology.Topology;

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
     * Starts observing and reports to {@code observer}, in order, on one thread at a time. Topology changes are
     * relative to the topology last reported (or to {@link #topology()} before the first).
     */
    void start(PlatformObserver observer);

    /** Stops observing and releases what the platform holds. */
    @Override
    void close();
}
