package io.meridian.server.drill;

import io.grpc.Status;
import io.meridian.model.topology.Topology;
import java.time.Duration;

/**
 * The targets a drill is measured against, and where each comes from: detection from the platform's targets, RTO
 * and RPO from the recovery tier of the region the drill takes out. No document states a target for the decision,
 * so Meridian holds it to what the RTO leaves once detection and the platform's expected execution are spent: a
 * slower decision cannot meet the RTO.
 */
record DrillTargets(Duration detection, String detectionBasis, Duration decision, String decisionBasis,
                    Duration rto, Duration rpo, String tierBasis) {

    static DrillTargets of(Topology topology, String regionId, Duration expectedExecution) {
        var region = topology.region(regionId).orElseThrow(() -> Status.INVALID_ARGUMENT
                .withDescription("no region '" + regionId + "' on this platform").asRuntimeException());
        var tier = topology.tierTargets(region.tier()).orElseThrow(() -> Status.FAILED_PRECONDITION
                .withDescription("the platform states no targets for the " + region.tier() + " tier of " + regionId
                        + ": a drill there would have nothing to measure against").asRuntimeException());
        var detection = topology.targets().detection();
        var decision = tier.rto().minus(detection).minus(expectedExecution);
        if (decision.isNegative()) {
            decision = Duration.ZERO;
        }
        return new DrillTargets(detection, "platform detection target", decision,
                "the " + region.tier() + " RTO less the detection target and the expected execution ("
                        + Durations.words(expectedExecution) + ")",
                tier.rto(), tier.rpo(), region.tier() + " tier of " + regionId);
    }
}
