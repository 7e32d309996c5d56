package io.meridian.sim;

import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.failover.FailoverKind;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyDelta;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PhaseResult;
import io.meridian.server.platform.PlatformActionException;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The simulator's side of a failover: each phase changes the simulated topology the way the real operation would
 * (fencing stops the old primary, promotion changes roles, rerouting re-forms links), and fails where the real one
 * would (a candidate that is down cannot be promoted). Called under the platform's lock.
 */
final class SimulatedFailover {
    /** A phase's result and the topology change it caused, if any. */
    record Outcome(PhaseResult phase, Optional<TopologyDelta> delta) {
        static Outcome of(PhaseResult phase) {
            return new Outcome(phase, Optional.empty());
        }
    }

    private final HealthModel health;
    private final TelemetryModel telemetry;
    private final Faults faults;

    SimulatedFailover(HealthModel health, TelemetryModel telemetry, Faults faults) {
        this.health = health;
        this.telemetry = telemetry;
        this.faults = faults;
    }

    Outcome run(ExecutionPhase phase, FailoverPlan plan, Instant now) throws PlatformActionException {
        return switch (phase) {
            case FENCE -> fence(plan, now);
            case PROMOTE -> promote(plan);
            case REROUTE -> reroute(plan, now);
            case VERIFY_HEALTH -> verify(plan);
            case CHECK_CONSISTENCY -> Outcome.of(PhaseResult.of("simulated checksum comparison of "
                    + plan.candidateId() + " with its standbys: consistent"));
        };
    }

    private Outcome fence(FailoverPlan plan, Instant now) throws PlatformActionException {
        var old = replica(plan.oldPrimaryId());
        if (old.role() != ReplicaRole.PRIMARY) {
            throw new PlatformActionException(where(old) + " is no longer the primary: the topology changed");
        }
        String how = unreachable(old)
                ? "stopped through the provider's API (host unreachable)"
                : "set read-only and its sessions ended";
        var delta = health.fence(old.id(), "fenced by failover " + plan.proposalId(), now);
        return new Outcome(PhaseResult.of(where(old) + " " + how), Optional.of(delta));
    }

    private Outcome promote(FailoverPlan plan) throws PlatformActionException {
        var candidate = replica(plan.candidateId());
        if (candidate.health() == Health.FAILED) {
            throw new PlatformActionException("cannot promote " + where(candidate) + ": it is down ("
                    + candidate.healthDetail() + ")");
        }
        long lostMillis;
        if (plan.kind() == FailoverKind.PLANNED_SWITCHOVER) {
            // The fenced primary's last position was replayed before promotion.
            lostMillis = 0;
        } else {
            lostMillis = Math.round(telemetry.replicationGapSeconds(
                    ReplicationLink.idOf(plan.oldPrimaryId(), plan.candidateId())) * 1000);
        }
        long lostBytes = Math.round(lostMillis / 1000.0 * TelemetryModel.WAL_BYTES_PER_SECOND);
        var delta = health.promote(plan.clusterId(), candidate.id());
        var detail = where(candidate) + " promoted to primary" + (lostMillis == 0 ? ", nothing lost"
                : ", " + lostMillis + " ms of changes (" + lostBytes + " bytes) not replayed");
        return new Outcome(new PhaseResult(detail, lostBytes, lostMillis), Optional.of(delta));
    }

    private Outcome reroute(FailoverPlan plan, Instant now) {
        var stillDown = health.topology().clusters().stream().flatMap(c -> c.replicas().stream())
                .filter(this::unreachable).map(Replica::id).collect(Collectors.toSet());
        var delta = health.reroute(plan.clusterId(), stillDown::contains, now);
        long following = delta.upsertedLinks().size();
        return new Outcome(PhaseResult.of(following + " standby link(s) now follow " + plan.candidateId()
                + "; traffic routed to it"), Optional.of(delta));
    }

    private Outcome verify(FailoverPlan plan) throws PlatformActionException {
        var topology = health.topology();
        var primary = replica(plan.candidateId());
        if (primary.health() == Health.FAILED) {
            throw new PlatformActionException(where(primary) + " failed after promotion: " + primary.healthDetail());
        }
        long streaming = links(topology, plan).filter(l -> l.state() != LinkState.DISCONNECTED).count();
        long total = links(topology, plan).count();
        return Outcome.of(PhaseResult.of(where(primary) + " accepts writes; " + streaming + " of " + total
                + " standby link(s) connected"));
    }

    private static Stream<ReplicationLink> links(Topology topology, FailoverPlan plan) {
        return topology.links().stream().filter(l -> l.sourceReplicaId().equals(plan.candidateId()));
    }

    private boolean unreachable(Replica replica) {
        return faults.find(Faults.Kind.REGION_OUTAGE, replica.regionId()) != null
                || faults.find(Faults.Kind.REPLICA_CRASH, replica.id()) != null;
    }

    private Replica replica(String id) throws PlatformActionException {
        return health.topology().replica(id).orElseThrow(() ->
                new PlatformActionException("no replica '" + id + "' on the simulated platform"));
    }

    private static String where(Replica replica) {
        return replica.id() + " (" + replica.regionId() + ")";
    }
}
