package io.meridian.client.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.GeoLocation;
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
import io.meridian.model.topology.TopologyEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TopologyMapperTest {
    private static final Instant T0 = Instant.parse("2026-01-25T10:15:30.123456789Z");

    /** A topology that uses every value of every enum at least once. */
    static Topology everyEnumValue() {
        var targets = new PlatformTargets(Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofSeconds(1),
                100.5, 99.95, Duration.ofNanos(1_500_000), Duration.ofMillis(75));
        var tiers = List.of(
                new TierTargets(RecoveryTier.HOT, Duration.ofSeconds(30), Duration.ZERO, "3x cost"),
                new TierTargets(RecoveryTier.WARM, Duration.ofSeconds(300), Duration.ofMillis(1500), ""),
                new TierTargets(RecoveryTier.COLD, Duration.ofHours(4), Duration.ofHours(1), "backups"));
        var regions = new ArrayList<Region>();
        var roles = RegionRole.values();
        for (int i = 0; i < roles.length; i++) {
            regions.add(new Region("region-" + i, "Region " + i, i % 2 == 0 ? "AWS" : "GCP",
                    new GeoLocation(-90 + 30.25 * i, 180 - 61.5 * i),
                    i == 0 ? List.of() : List.of("GDPR", "J" + i),
                    RecoveryTier.values()[i % RecoveryTier.values().length], roles[i]));
        }
        var healths = Health.values();
        var replicas = new ArrayList<Replica>();
        for (int i = 0; i < healths.length; i++) {
            replicas.add(new Replica("db-" + i, "region-" + i, i == 0 ? ReplicaRole.PRIMARY : ReplicaRole.STANDBY,
                    healths[i], healths[i] == Health.HEALTHY ? "" : "detail " + i, T0.plusMillis(i)));
        }
        var clusters = List.of(
                new Cluster("orders", "Orders database", "region-0", replicas),
                new Cluster("catalog", "Catalogue", "", List.of(
                        new Replica("cat-1", "region-5", ReplicaRole.PRIMARY, Health.HEALTHY, "", T0))));
        var links = new ArrayList<ReplicationLink>();
        var states = LinkState.values();
        for (int i = 0; i < states.length; i++) {
            links.add(new ReplicationLink(ReplicationLink.idOf("db-0", "db-" + (i + 1)), "orders", "db-0",
                    "db-" + (i + 1), "region-0", "region-" + (i + 1), i == 0, states[i]));
        }
        return new Topology(targets, tiers, regions, clusters, links);
    }

    @Test
    void fixtureReallyUsesEveryEnumValue() {
        var t = everyEnumValue();
        assertThat(t.regions().stream().map(Region::role).toList()).containsExactlyInAnyOrder(RegionRole.values());
        assertThat(EnumSet.copyOf(t.regions().stream().map(Region::tier).toList()))
                .containsExactlyInAnyOrder(RecoveryTier.values());
        assertThat(t.tiers().stream().map(TierTargets::tier).toList())
                .containsExactlyInAnyOrder(RecoveryTier.values());
        var replicas = t.clusters().stream().flatMap(c -> c.replicas().stream()).toList();
        assertThat(EnumSet.copyOf(replicas.stream().map(Replica::health).toList()))
                .containsExactlyInAnyOrder(Health.values());
        assertThat(EnumSet.copyOf(replicas.stream().map(Replica::role).toList()))
                .containsExactlyInAnyOrder(ReplicaRole.values());
        assertThat(t.links().stream().map(ReplicationLink::state).toList())
                .containsExactlyInAnyOrder(LinkState.values());
    }

    @Test
    void topologyRoundTrips() {
        var topology = everyEnumValue();
        var proto = TopologyMapper.toProto(topology);
        assertThat(TopologyMapper.fromProto(proto)).isEqualTo(topology);
        // and through bytes, as on the wire
        assertThat(TopologyMapper.fromProto(parse(proto.toByteArray()))).isEqualTo(topology);
    }

    @Test
    void emptyTopologyRoundTrips() {
        var empty = new Topology(everyEnumValue().targets(), List.of(), List.of(), List.of(), List.of());
        assertThat(TopologyMapper.fromProto(TopologyMapper.toProto(empty))).isEqualTo(empty);
    }

    @Test
    void protoCarriesTheExpectedEnumNames() {
        var proto = TopologyMapper.toProto(everyEnumValue());
        assertThat(proto.getRegions(6 - 1).getRole()).isEqualTo(io.meridian.api.v1.RegionRole.REGION_ROLE_COMPLIANCE_HUB);
        assertThat(proto.getClusters(0).getReplicas(3).getHealth()).isEqualTo(io.meridian.api.v1.Health.HEALTH_FAILED);
        assertThat(proto.getClusters(0).getReplicas(2).getHealth()).isEqualTo(io.meridian.api.v1.Health.HEALTH_UNKNOWN);
        assertThat(proto.getLinks(2).getState()).isEqualTo(io.meridian.api.v1.LinkState.LINK_STATE_DISCONNECTED);
        assertThat(proto.getLinks(0).getSynchronous()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SnapshotReason.class)
    void snapshotEventRoundTrips(SnapshotReason reason) {
        var event = new TopologyEvent.Snapshot(new JournalPosition("journal-a", 42), T0, reason, everyEnumValue());
        assertThat(TopologyMapper.fromProto(TopologyMapper.toProto(event))).isEqualTo(event);
    }

    @Test
    void deltaEventRoundTrips() {
        var t = everyEnumValue();
        var delta = new TopologyDelta(List.of(t.regions().get(1)), t.clusters(), List.of(t.links().get(2)),
                List.of("region-9"), List.of("gone-1", "gone-2"), List.of("a->b"));
        var event = new TopologyEvent.Delta(new JournalPosition("journal-b", 7), T0, delta);
        var proto = TopologyMapper.toProto(event);
        assertThat(proto.hasDelta()).isTrue();
        assertThat(TopologyMapper.fromProto(proto)).isEqualTo(event);
    }

    @Test
    void emptyDeltaRoundTrips() {
        var event = new TopologyEvent.Delta(new JournalPosition("j", 1), T0,
                TopologyDelta.of(List.of(), List.of()));
        assertThat(TopologyMapper.fromProto(TopologyMapper.toProto(event))).isEqualTo(event);
    }

    @Test
    void heartbeatEventRoundTrips() {
        var event = new TopologyEvent.Heartbeat(new JournalPosition("journal-c", Long.MAX_VALUE), T0);
        var proto = TopologyMapper.toProto(event);
        assertThat(proto.hasHeartbeat()).isTrue();
        assertThat(TopologyMapper.fromProto(proto)).isEqualTo(event);
    }

    @Test
    void eventWithoutPayloadIsAProtocolError() {
        var proto = io.meridian.api.v1.TopologyEvent.newBuilder().setJournalId("j").setSequence(5).build();
        assertThatThrownBy(() -> TopologyMapper.fromProto(proto))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("TopologyEvent.event");
    }

    // ---- unknown enum numbers, as a newer server might send

    private static io.meridian.api.v1.Topology mutate(
            UnaryOperator<io.meridian.api.v1.Topology.Builder> change) {
        return change.apply(TopologyMapper.toProto(everyEnumValue()).toBuilder()).build();
    }

    private static io.meridian.api.v1.Topology parse(byte[] bytes) {
        try {
            return io.meridian.api.v1.Topology.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unknownHealthNamesReplicaAndField() {
        var proto = mutate(b -> b.setClusters(0, b.getClusters(0).toBuilder()
                .setReplicas(3, b.getClusters(0).getReplicas(3).toBuilder().setHealthValue(99))));
        // also survive the wire: the unknown number must still be an error after parsing
        for (var p : List.of(proto, parse(proto.toByteArray()))) {
            assertThatThrownBy(() -> TopologyMapper.fromProto(p))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("db-3")
                    .hasMessageContaining("health");
        }
    }

    @Test
    void unspecifiedHealthIsAProtocolError() {
        var proto = mutate(b -> b.setClusters(1, b.getClusters(1).toBuilder()
                .setReplicas(0, b.getClusters(1).getReplicas(0).toBuilder().setHealthValue(0))));
        assertThatThrownBy(() -> TopologyMapper.fromProto(proto))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("cat-1")
                .hasMessageContaining("health");
    }

    @Test
    void unknownReplicaRoleNamesField() {
        var proto = mutate(b -> b.setClusters(0, b.getClusters(0).toBuilder()
                .setReplicas(1, b.getClusters(0).getReplicas(1).toBuilder().setRoleValue(99))));
        assertThatThrownBy(() -> TopologyMapper.fromProto(proto))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("db-1")
                .hasMessageContaining("role");
    }

    @Test
    void unknownRegionRoleNamesRegionAndField() {
        var proto = mutate(b -> b.setRegions(2, b.getRegions(2).toBuilder().setRoleValue(99)));
        assertThatThrownBy(() -> TopologyMapper.fromProto(proto))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("region-2")
                .hasMessageContaining("role");
    }

    @Test
    void unknownRegionTierNamesRegionAndField() {
        var proto = mutate(b -> b.setRegions(4, b.getRegions(4).toBuilder().setTierValue(99)));
        assertThatThrownBy(() -> TopologyMapper.fromProto(proto))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("region-4")
                .hasMessageContaining("tier");
    }

    @Test
    void unknownTierTargetsTierNamesField() {
        var proto = mutate(b -> b.setTiers(1, b.getTiers(1).toBuilder().setTierValue(99)));
        assertThatThrownBy(() -> TopologyMapper.fromProto(proto))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("tiers")
                .hasMessageContaining("tier");
    }

    @Test
    void unknownLinkStateNamesLinkAndField() {
        var proto = mutate(b -> b.setLinks(1, b.getLinks(1).toBuilder().setStateValue(99)));
        assertThatThrownBy(() -> TopologyMapper.fromProto(proto))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("db-0->db-2")
                .hasMessageContaining("state");
    }

    @Test
    void unknownSnapshotReasonNamesField() {
        var event = TopologyMapper.toProto(new TopologyEvent.Snapshot(new JournalPosition("j", 1), T0,
                SnapshotReason.INITIAL, everyEnumValue()));
        var proto = event.toBuilder().setSnapshot(event.getSnapshot().toBuilder().setReasonValue(99)).build();
        assertThatThrownBy(() -> TopologyMapper.fromProto(proto))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("reason");
    }

    @Test
    void unknownValueInsideADeltaIsAProtocolError() {
        var t = everyEnumValue();
        var event = TopologyMapper.toProto(new TopologyEvent.Delta(new JournalPosition("j", 2), T0,
                TopologyDelta.of(List.of(), t.links())));
        var delta = event.getDelta().toBuilder();
        delta.setUpsertedLinks(0, delta.getUpsertedLinks(0).toBuilder().setStateValue(42));
        var proto = event.toBuilder().setDelta(delta).build();
        assertThatThrownBy(() -> TopologyMapper.fromProto(proto))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("db-0->db-1")
                .hasMessageContaining("state");
    }

    @Test
    void everyDomainEnumHasAProtoCounterpart() {
        // toProto maps by name; a domain value without a proto constant would throw here.
        for (var state : LinkState.values()) {
            assertThat(io.meridian.api.v1.LinkState.valueOf("LINK_STATE_" + state.name())).isNotNull();
        }
        assertThat(Arrays.stream(Health.values())
                .map(h -> io.meridian.api.v1.Health.valueOf("HEALTH_" + h.name())).toList())
                .doesNotContain(io.meridian.api.v1.Health.HEALTH_UNSPECIFIED);
    }
}
