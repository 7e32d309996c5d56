package io.meridian.server.platform;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.TopologyDelta;
import java.util.List;

/**
 * Where a platform reports what it observes. Calls come from the platform's own thread, in order; the server core
 * numbers, stores and streams what it receives, and derives what is platform-independent (workload drift).
 */
public interface PlatformObserver {
    /** The topology changed, relative to the last reported state. */
    void topologyChanged(TopologyDelta delta);

    /** New measurements: link lag, clock offsets, region service levels. */
    void measured(List<TelemetrySample> samples);

    /**
     * Recent workload values of one region (e.g. query latencies in milliseconds), observed since the last call;
     * the core tests them against the other regions' for drift.
     */
    void workload(String regionId, double[] values);
}
