package io.meridian.postgres.observe;

import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the servers' latest probes into the domain model: replica roles and health (lost after the configured
 * number of missed probes; split brain as a critical condition), directed links with their state, and the lag and
 * clock samples. Pure apart from the health-since bookkeeping it keeps in each {@link ServerState}.
 */
final class TopologyAssembler {
    /** Health detail prefix of a split brain; the failover workflow blocks every action but fencing on it. */
    static final String SPLIT_BRAIN = io.meridian.postgres.act.FailoverActions.SPLIT_BRAIN;
    private static final Set<String> SYNC_STATES = Set.of("sync", "quorum");

    record Result(Topology topology, List<TelemetrySample> samples) {}

    private final int missedLimit;

    TopologyAssembler(int missedLimit) {
        this.missedLimit = missedLimit;
    }

    Result assemble(Topology previous, Map<String, ServerState> states, Instant now) {
        var clusters = new ArrayList<Cluster>();
        var links = new ArrayList<ReplicationLink>();
        var samples = new ArrayList<TelemetrySample>();
        double breakerSeconds = previous.targets().lagBreaker().toMillis() / 1000.0;
        for (var cluster : previous.clusters()) {
            var writers = cluster.replicas().stream().map(r -> states.get(r.id()))
                    .filter(s -> s.latest != null && s.latest.writer()).map(s -> s.server.replicaId()).toList();
            var replicas = new ArrayList<Replica>();
            for (var replica : cluster.replicas()) {
                var state = states.get(replica.id());
                var role = role(replica, state, writers);
                assess(state, role, writers, now);
                replicas.add(new Replica(replica.id(), replica.regionId(), role, state.health, state.healthDetail,
                        state.healthSince));
                if (role == ReplicaRole.STANDBY) {
                    link(cluster, replica, state, states, previous, breakerSeconds, now, links, samples);
                }
                var latest = state.latest;
                if (latest != null && latest.observed() && latest.clock() != null) {
                    samples.add(new TelemetrySample.ClockOffset(replica.id(), latest.observedAt(),
                            latest.clock().offsetMicros(), latest.clock().uncertaintyMicros()));
                }
            }
            // Primaries first, as the scenario topology orders them.
            replicas.sort((a, b) -> Boolean.compare(a.role() != ReplicaRole.PRIMARY, b.role() != ReplicaRole.PRIMARY));
            clusters.add(cluster.withReplicas(replicas));
        }
        return new Result(new Topology(previous.targets(), previous.tiers(), previous.regions(), clusters, links),
                samples);
    }

    /**
     * A writer is the primary; so is a lost server that was one, until another server writes: then it is a former
     * primary that can only come back as a standby (rejoin), and so is a primary fenced read-only.
     */
    private static ReplicaRole role(Replica replica, ServerState state, List<String> writers) {
        var seen = state.latest != null && state.latest.observed() ? state.latest : state.lastObserved;
        if (seen == null) {
            return replica.role();
        }
        if (seen.inRecovery()) {
            return ReplicaRole.STANDBY;
        }
        boolean another = writers.stream().anyMatch(w -> !w.equals(replica.id()));
        return seen.readOnly() || another ? ReplicaRole.STANDBY : ReplicaRole.PRIMARY;
    }

    private void assess(ServerState state, ReplicaRole role, List<String> writers, Instant now) {
        Health health;
        String detail;
        var latest = state.latest;
        if (latest == null) {
            health = Health.UNKNOWN;
            detail = "not probed yet";
        } else if (!latest.observed() && !latest.unreachable()) {
            health = Health.UNKNOWN;
            detail = latest.error();
        } else if (!latest.observed()) {
            if (state.missed >= missedLimit) {
                health = Health.FAILED;
                detail = (role == ReplicaRole.STANDBY && state.lastObserved != null && !state.lastObserved.inRecovery()
                        ? "former primary, " : "") + "lost: " + state.missed + " probes in a row missed; "
                        + latest.error();
            } else {
                health = state.lastObserved == null ? Health.UNKNOWN : Health.DEGRADED;
                detail = "missed " + state.missed + " of " + missedLimit + " probes before it counts as lost; "
                        + latest.error();
            }
        } else if (writers.size() > 1 && writers.contains(state.server.replicaId())) {
            health = Health.FAILED;
            detail = SPLIT_BRAIN + ": " + String.join(" and ", writers) + " all accept writes in cluster "
                    + state.server.clusterId() + "; every action except fencing is blocked until one remains";
        } else if (!latest.inRecovery() && latest.readOnly()) {
            // FAILED, not DEGRADED: out of recovery it can neither follow nor be promoted, so no plan may pick it.
            health = Health.FAILED;
            detail = "fenced: read-only and out of recovery; rejoin it as a standby (pg_rewind, docs/postgres.md)";
        } else if (!latest.inRecovery() && role == ReplicaRole.STANDBY) {
            health = Health.FAILED;
            detail = "former primary, out of recovery while another server writes; rejoin it as a standby";
        } else if (role == ReplicaRole.STANDBY && (latest.receiver() == null
                || !"streaming".equals(latest.receiver().status()))) {
            health = Health.DEGRADED;
            detail = "standby not streaming: WAL receiver " + (latest.receiver() == null ? "not running"
                    : latest.receiver().status());
        } else {
            var idle = latest.slots().stream().filter(s -> !s.active()).toList();
            if (role == ReplicaRole.PRIMARY && !idle.isEmpty()) {
                health = Health.DEGRADED;
                detail = "replication slot(s) inactive, WAL retained: " + String.join(", ", idle.stream()
                        .map(s -> s.name() + " " + mebibytes(s.retainedBytes())).toList());
            } else {
                health = Health.HEALTHY;
                detail = "PostgreSQL " + latest.version() + ", timeline " + latest.timeline()
                        + (role == ReplicaRole.STANDBY && state.upstreamReplicaId != null
                        ? ", streaming from " + state.upstreamReplicaId : ", accepts writes");
            }
        }
        if (health != state.health) {
            state.healthSince = now;
        }
        state.health = health;
        state.healthDetail = detail;
    }

    private static void link(Cluster cluster, Replica replica, ServerState target, Map<String, ServerState> states,
                             Topology previous, double breakerSeconds, Instant now, List<ReplicationLink> links,
                             List<TelemetrySample> samples) {
        var latest = target.latest;
        var receiver = latest != null && latest.observed() ? latest.receiver() : null;
        if (receiver != null) {
            for (var r : cluster.replicas()) {
                var candidate = states.get(r.id()).server;
                if (!r.id().equals(replica.id()) && candidate.port() == receiver.senderPort()
                        && sameHost(candidate.host(), receiver.senderHost())) {
                    target.upstreamReplicaId = r.id();
                }
            }
        }
        var upstreamId = target.upstreamReplicaId;
        if (upstreamId == null) {
            return;
        }
        var source = states.get(upstreamId);
        var sender = source.latest != null && source.latest.observed() ? source.latest.senders().stream()
                .filter(s -> replica.id().equals(s.applicationName())).findFirst().orElse(null) : null;
        LinkState state;
        if (receiver != null && sender != null && "streaming".equals(receiver.status())
                && "streaming".equals(sender.state())) {
            state = LinkState.STREAMING;
        } else if (receiver != null && sender != null) {
            state = LinkState.CATCHING_UP;
        } else {
            state = LinkState.DISCONNECTED;
        }
        var id = ReplicationLink.idOf(upstreamId, replica.id());
        boolean synchronous = sender != null ? SYNC_STATES.contains(sender.syncState())
                : previous.links().stream().filter(l -> l.id().equals(id)).anyMatch(ReplicationLink::synchronous);
        links.add(new ReplicationLink(id, cluster.id(), upstreamId, replica.id(), source.server.regionId(),
                replica.regionId(), synchronous, state));
        long sourcePosition = source.lastPosition();
        long replayed = sender != null && sender.replayLsn() >= 0 ? sender.replayLsn() : target.lastPosition();
        if (sourcePosition < 0 || replayed < 0) {
            return;
        }
        long bytes = Math.max(0, sourcePosition - replayed);
        double seconds;
        if (bytes == 0) {
            // Caught up: equal positions, whatever time pg_stat_replication last measured.
            seconds = 0;
        } else if (state == LinkState.STREAMING && sender.replayLagSeconds() != null) {
            seconds = sender.replayLagSeconds();
        } else {
            seconds = source.history.unreplayedAge(replayed, now).toMillis() / 1000.0;
        }
        samples.add(new TelemetrySample.LinkLag(id, now, seconds, bytes,
                state == LinkState.DISCONNECTED || seconds >= breakerSeconds));
    }

    private static boolean sameHost(String configured, String reported) {
        if (configured.equals(reported)) {
            return true;
        }
        return SectionHosts.loopback(configured) && SectionHosts.loopback(reported);
    }

    private static String mebibytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
