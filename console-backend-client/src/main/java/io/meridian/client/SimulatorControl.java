package io.meridian.client;

import java.time.Duration;

/**
 * Fault injection into a simulated platform. Only a simulated backend offers it; against any other backend every
 * call fails with {@link BackendException.Kind#INCOMPATIBLE}. Each method returns the simulator's description of
 * what it did.
 */
public interface SimulatorControl {
    String injectLagSpike(String linkId, double extraLagSeconds, Duration duration) throws BackendException;

    String partitionLink(String linkId, Duration duration) throws BackendException;

    String skewClock(String replicaId, double offsetMicros, Duration duration) throws BackendException;

    String shiftWorkload(String regionId, double latencyFactor, Duration duration) throws BackendException;

    /** Crashes a replica: it misses heartbeats until the duration ends. */
    String crashReplica(String replicaId, Duration duration) throws BackendException;

    /** Takes a region out: every replica in it fails until the duration ends. */
    String failRegion(String regionId, Duration duration) throws BackendException;

    String clearFaults() throws BackendException;
}
