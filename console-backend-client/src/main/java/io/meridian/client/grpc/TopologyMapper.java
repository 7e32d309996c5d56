package io.meridian.client.grpc;

import static io.meridian.client.grpc.ProtoTime.duration;
import static io.meridian.client.grpc.ProtoTime.instant;
import static io.meridian.client.grpc.ProtoTime.timestamp;

import io.meridian.api.v1.GeoLocation;
import io.meridian.api.v1.TopologyEvent;
import io.meridian.api.v1.TopologySnapshot;
import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.PlatformTargets;
import io.meridian.model.topology.RecoveryTier;
import io.meridian.model.topology.Region;
import io.meridian.model.topology.RegionRole;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.SnapshotReason;
import io.meridian.model.topology.TierTargets;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyDelta;
import java.time.Instant;

/**
 * Maps topology messages of meridian.v1 to the domain model and back. Both the console and the server use it, so
 * the wire shape is defined in exactly one place. A message with a value this version does not know (a newer
 * server's enum value) maps to a {@link ProtocolException} naming the field.
 */
public final class TopologyMapper {
    private TopologyMapper() {
    }

    // ---- domain -> proto

    public static io.meridian.api.v1.Topology toProto(Topology topology) {
        var builder = io.meridian.api.v1.Topology.newBuilder().setTargets(toProto(topology.targets()));
        topology.tiers().forEach(t -> builder.addTiers(toProto(t)));
        topology.regions().forEach(r -> builder.addRegions(toProto(r)));
        topology.clusters().forEach(c -> builder.addClusters(toProto(c)));
        topology.links().forEach(l -> builder.addLinks(toProto(l)));
        return builder.build();
    }

    public static io.meridian.api.v1.TopologyDelta toProto(TopologyDelta delta) {
        var builder = io.meridian.api.v1.TopologyDelta.newBuilder();
        delta.upsertedRegions().forEach(r -> builder.addUpsertedRegions(toProto(r)));
        delta.upsertedClusters().forEach(c -> builder.addUpsertedClusters(toProto(c)));
        delta.upsertedLinks().forEach(l -> builder.addUpsertedLinks(toProto(l)));
        return builder.addAllRemovedRegionIds(delta.removedRegionIds())
                .addAllRemovedClusterIds(delta.removedClusterIds())
                .addAllRemovedLinkIds(delta.removedLinkIds())
                .build();
    }

    public static TopologyEvent toProto(io.meridian.model.topology.TopologyEvent event) {
        var builder = TopologyEvent.newBuilder()
                .setJournalId(event.position().journalId())
                .setSequence(event.position().sequence())
                .setTime(timestamp(event.time()));
        return switch (event) {
            case io.meridian.model.topology.TopologyEvent.Snapshot s -> builder.setSnapshot(
                    TopologySnapshot.newBuilder().setReason(toProto(s.reason())).setTopology(toProto(s.topology())))
                    .build();
            case io.meridian.model.topology.TopologyEvent.Delta d -> builder.setDelta(toProto(d.delta())).build();
            case io.meridian.model.topology.TopologyEvent.Heartbeat h -> builder
                    .setHeartbeat(io.meridian.api.v1.Heartbeat.getDefaultInstance()).build();
        };
    }

    static io.meridian.api.v1.PlatformTargets toProto(PlatformTargets t) {
        return io.meridian.api.v1.PlatformTargets.newBuilder()
                .setDetection(duration(t.detection()))
                .setLagSloP95(duration(t.lagSloP95()))
                .setLagBreaker(duration(t.lagBreaker()))
                .setClockOffsetMaxMicros(t.clockOffsetMaxMicros())
                .setAvailabilityPercent(t.availabilityPercent())
                .setLatencyP50(duration(t.latencyP50()))
                .setLatencyP95(duration(t.latencyP95()))
                .build();
    }

    static io.meridian.api.v1.TierTargets toProto(TierTargets t) {
        return io.meridian.api.v1.TierTargets.newBuilder()
                .setTier(io.meridian.api.v1.RecoveryTier.valueOf("RECOVERY_TIER_" + t.tier().name()))
                .setRto(duration(t.rto())).setRpo(duration(t.rpo())).setNote(t.note())
                .build();
    }

    static io.meridian.api.v1.Region toProto(Region r) {
        return io.meridian.api.v1.Region.newBuilder()
                .setId(r.id()).setDisplayName(r.displayName()).setProvider(r.provider())
                .setLocation(GeoLocation.newBuilder()
                        .setLatitude(r.location().latitude()).setLongitude(r.location().longitude()))
                .addAllJurisdictions(r.jurisdictions())
                .setTier(io.meridian.api.v1.RecoveryTier.valueOf("RECOVERY_TIER_" + r.tier().name()))
                .setRole(io.meridian.api.v1.RegionRole.valueOf("REGION_ROLE_" + r.role().name()))
                .build();
    }

    static io.meridian.api.v1.Cluster toProto(Cluster c) {
        var builder = io.meridian.api.v1.Cluster.newBuilder().setId(c.id()).setDisplayName(c.displayName())
                .setHomeRegionId(c.homeRegionId());
        c.replicas().forEach(r -> builder.addReplicas(io.meridian.api.v1.Replica.newBuilder()
                .setId(r.id()).setRegionId(r.regionId())
                .setRole(io.meridian.api.v1.ReplicaRole.valueOf("REPLICA_ROLE_" + r.role().name()))
                .setHealth(io.meridian.api.v1.Health.valueOf("HEALTH_" + r.health().name()))
                .setHealthDetail(r.healthDetail())
                .setHealthSince(timestamp(r.healthSince()))));
        return builder.build();
    }

    static io.meridian.api.v1.ReplicationLink toProto(ReplicationLink l) {
        return io.meridian.api.v1.ReplicationLink.newBuilder()
                .setId(l.id()).setClusterId(l.clusterId())
                .setSourceReplicaId(l.sourceReplicaId()).setTargetReplicaId(l.targetReplicaId())
                .setSourceRegionId(l.sourceRegionId()).setTargetRegionId(l.targetRegionId())
                .setSynchronous(l.synchronous())
                .setState(io.meridian.api.v1.LinkState.valueOf("LINK_STATE_" + l.state().name()))
                .build();
    }

    private static io.meridian.api.v1.SnapshotReason toProto(SnapshotReason reason) {
        return io.meridian.api.v1.SnapshotReason.valueOf("SNAPSHOT_REASON_" + reason.name());
    }

    // ---- proto -> domain

    public static Topology fromProto(io.meridian.api.v1.Topology t) {
        var p = t.getTargets();
        var targets = new PlatformTargets(duration(p.getDetection()), duration(p.getLagSloP95()),
                duration(p.getLagBreaker()), p.getClockOffsetMaxMicros(), p.getAvailabilityPercent(),
                duration(p.getLatencyP50()), duration(p.getLatencyP95()));
        return new Topology(targets,
                t.getTiersList().stream().map(tier -> new TierTargets(
                        tier(tier.getTier(), "tiers.tier"), duration(tier.getRto()), duration(tier.getRpo()),
                        tier.getNote())).toList(),
                t.getRegionsList().stream().map(TopologyMapper::fromProto).toList(),
                t.getClustersList().stream().map(TopologyMapper::fromProto).toList(),
                t.getLinksList().stream().map(TopologyMapper::fromProto).toList());
    }

    public static TopologyDelta fromProto(io.meridian.api.v1.TopologyDelta d) {
        return new TopologyDelta(
                d.getUpsertedRegionsList().stream().map(TopologyMapper::fromProto).toList(),
                d.getUpsertedClustersList().stream().map(TopologyMapper::fromProto).toList(),
                d.getUpsertedLinksList().stream().map(TopologyMapper::fromProto).toList(),
                d.getRemovedRegionIdsList(), d.getRemovedClusterIdsList(), d.getRemovedLinkIdsList());
    }

    public static io.meridian.model.topology.TopologyEvent fromProto(TopologyEvent e) {
        var position = new JournalPosition(e.getJournalId(), e.getSequence());
        Instant time = instant(e.getTime());
        return switch (e.getEventCase()) {
            case SNAPSHOT -> new io.meridian.model.topology.TopologyEvent.Snapshot(position, time,
                    snapshotReason(e.getSnapshot().getReason()), fromProto(e.getSnapshot().getTopology()));
            case DELTA -> new io.meridian.model.topology.TopologyEvent.Delta(position, time, fromProto(e.getDelta()));
            case HEARTBEAT -> new io.meridian.model.topology.TopologyEvent.Heartbeat(position, time);
            case EVENT_NOT_SET -> throw new ProtocolException("TopologyEvent.event is not set (sequence "
                    + e.getSequence() + ")");
        };
    }

    static Region fromProto(io.meridian.api.v1.Region r) {
        return new Region(r.getId(), r.getDisplayName(), r.getProvider(),
                new io.meridian.model.topology.GeoLocation(
                        r.getLocation().getLatitude(), r.getLocation().getLongitude()),
                r.getJurisdictionsList(), tier(r.getTier(), "Region " + r.getId() + " tier"),
                known(RegionRole.class, r.getRole().name(), "REGION_ROLE_", "Region " + r.getId() + " role"));
    }

    static Cluster fromProto(io.meridian.api.v1.Cluster c) {
        return new Cluster(c.getId(), c.getDisplayName(), c.getHomeRegionId(), c.getReplicasList().stream()
                .map(r -> new Replica(r.getId(), r.getRegionId(),
                        known(ReplicaRole.class, r.getRole().name(), "REPLICA_ROLE_", "Replica " + r.getId() + " role"),
                        known(Health.class, r.getHealth().name(), "HEALTH_", "Replica " + r.getId() + " health"),
                        r.getHealthDetail(), instant(r.getHealthSince()))).toList());
    }

    static ReplicationLink fromProto(io.meridian.api.v1.ReplicationLink l) {
        return new ReplicationLink(l.getId(), l.getClusterId(), l.getSourceReplicaId(), l.getTargetReplicaId(),
                l.getSourceRegionId(), l.getTargetRegionId(), l.getSynchronous(),
                known(LinkState.class, l.getState().name(), "LINK_STATE_", "Link " + l.getId() + " state"));
    }

    private static RecoveryTier tier(io.meridian.api.v1.RecoveryTier tier, String where) {
        return known(RecoveryTier.class, tier.name(), "RECOVERY_TIER_", where);
    }

    private static SnapshotReason snapshotReason(io.meridian.api.v1.SnapshotReason reason) {
        return known(SnapshotReason.class, reason.name(), "SNAPSHOT_REASON_", "TopologySnapshot reason");
    }

    /** Maps a proto enum name such as HEALTH_FAILED to the domain enum constant FAILED, or says what it got. */
    static <E extends Enum<E>> E known(Class<E> type, String protoName, String prefix, String where) {
        if (protoName.startsWith(prefix)) {
            try {
                return Enum.valueOf(type, protoName.substring(prefix.length()));
            } catch (IllegalArgumentException unknown) {
                // falls through to the protocol error below
            }
        }
        throw new ProtocolException(where + ": value " + protoName + " is not one this console knows");
    }
}
