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

    String clearFaults() throws BackendException;
}
