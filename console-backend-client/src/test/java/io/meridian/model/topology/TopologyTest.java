package io.meridian.model.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {
    private static final Instant T0 = Instant.parse("2026-01-25T00:00:00Z");
    private static final PlatformTargets TARGETS = new PlatformTargets(Duration.ofSeconds(30), Duration.ofSeconds(30),
            Duration.ofSeconds(60), 100, 99.95, Duration.ofMillis(200), Duration.ofMillis(500));
    private static final List<TierTargets> TIERS =
            List.of(new TierTargets(RecoveryTier.HOT, Duration.ofMinutes(5), Duration.ofMinutes(1), "auto"));

    private static Region region(String id) {
        return new Region(id, "Region " + id, "AWS", new GeoLocation(50, 8), List.of("GDPR"), RecoveryTier.HOT,
                RegionRole.PRIMARY);
    }

    private static Replica replica(String id, String region, ReplicaRole role, Health health) {
        return new Replica(id, region, role, health, "", T0);
    }

    private static ReplicationLink link(String cluster, String from, String fromRegion, String to, String toRegion) {
        return new ReplicationLink(ReplicationLink.idOf(from, to), cluster, from, to, fromRegion, toRegion, false,
                LinkState.STREAMING);
    }

    private static Topology topology(List<Region> regions, List<Cluster> clusters, List<ReplicationLink> links) {
        return new Topology(TARGETS, TIERS, regions, clusters, links);
    }

    private static final Cluster ORDERS = new Cluster("orders", "Orders", "fra", List.of(
            replica("o-1", "fra", ReplicaRole.PRIMARY, Health.HEALTHY),
            replica("o-2", "fra", ReplicaRole.STANDBY, Health.HEALTHY),
            replica("o-3", "dub", ReplicaRole.STANDBY, Health.HEALTHY)));
    private static final Cluster CATALOG = new Cluster("catalog", "Catalog", "dub", List.of(
            replica("c-1", "dub", ReplicaRole.PRIMARY, Health.HEALTHY),
            replica("c-2", "fra", ReplicaRole.STANDBY, Health.HEALTHY)));
    private static final Cluster USERS = new Cluster("users", "Users", "ams", List.of(
            replica("u-1", "ams", ReplicaRole.PRIMARY, Health.HEALTHY)));

    private static Topology base() {
        return topology(List.of(region("fra"), region("dub"), region("ams"), region("empty")),
                List.of(ORDERS, CATALOG, USERS),
                List.of(link("orders", "o-1", "fra", "o-2", "fra"), link("orders", "o-1", "fra", "o-3", "dub"),
                        link("catalog", "c-1", "dub", "c-2", "fra")));
    }

    private static List<String> ids(Topology t) {
        return t.clusters().stream().map(Cluster::id).toList();
    }

    @Test
    void upsertReplacesInPlaceKeepingOrder() {
        var before = base();
        var failedCatalog = new Cluster("catalog", "Catalog", "dub", List.of(
                replica("c-1", "dub", ReplicaRole.PRIMARY, Health.FAILED),
                replica("c-2", "fra", ReplicaRole.STANDBY, Health.HEALTHY)));
        var disconnected = before.links().get(1).withState(LinkState.DISCONNECTED);
        var renamed = new Region("fra", "Frankfurt", "AWS", new GeoLocation(50.1, 8.7), List.of("GDPR"),
                RecoveryTier.WARM, RegionRole.DR);

        var after = before.apply(new TopologyDelta(List.of(renamed), List.of(failedCatalog), List.of(disconnected),
                List.of(), List.of(), List.of()));

        assertThat(ids(after)).containsExactly("orders", "catalog", "users");
        assertThat(after.clusters().get(1)).isEqualTo(failedCatalog);
        assertThat(after.clusters().get(0)).isEqualTo(ORDERS);
        assertThat(after.links()).containsExactly(before.links().get(0), disconnected, before.links().get(2));
        assertThat(after.regions().getFirst()).isEqualTo(renamed);
        assertThat(after.regions()).hasSize(4);
        assertThat(after.targets()).isEqualTo(TARGETS);
        assertThat(after.tiers()).isEqualTo(TIERS);
        // the old state is untouched
        assertThat(before).isEqualTo(base());
    }

    @Test
    void newIdsAreAppended() {
        var extra = new Cluster("billing", "Billing", "ams", List.of(replica("b-1", "ams", ReplicaRole.PRIMARY,
                Health.HEALTHY)));
        var newLink = link("users", "u-1", "ams", "u-2", "ams");
        var after = base().apply(new TopologyDelta(List.of(region("osl")), List.of(extra), List.of(newLink),
                List.of(), List.of(), List.of()));
        assertThat(ids(after)).containsExactly("orders", "catalog", "users", "billing");
        assertThat(after.regions().stream().map(Region::id)).containsExactly("fra", "dub", "ams", "empty", "osl");
        assertThat(after.links()).hasSize(4).last().isEqualTo(newLink);
    }

    @Test
    void removalsDrop() {
        var after = base().apply(new TopologyDelta(List.of(), List.of(), List.of(), List.of("empty", "nope"),
                List.of("catalog"), List.of("o-1->o-3")));
        assertThat(ids(after)).containsExactly("orders", "users");
        assertThat(after.regions().stream().map(Region::id)).containsExactly("fra", "dub", "ams");
        assertThat(after.links().stream().map(ReplicationLink::id)).containsExactly("o-1->o-2", "c-1->c-2");
    }

    @Test
    void upsertThenRemoveInOneDeltaRemoves() {
        var after = base().apply(new TopologyDelta(List.of(), List.of(USERS), List.of(), List.of(),
                List.of("users"), List.of()));
        assertThat(ids(after)).containsExactly("orders", "catalog");
    }

    @Test
    void emptyDeltaChangesNothing() {
        assertThat(base().apply(TopologyDelta.of(List.of(), List.of()))).isEqualTo(base());
    }

    @Test
    void regionHealthIsTheWorstReplicaAcrossClusters() {
        var t = base();
        assertThat(t.regionHealth("fra")).isEqualTo(Health.HEALTHY);

        var degraded = t.apply(TopologyDelta.of(List.of(new Cluster("catalog", "Catalog", "dub", List.of(
                replica("c-1", "dub", ReplicaRole.PRIMARY, Health.HEALTHY),
                replica("c-2", "fra", ReplicaRole.STANDBY, Health.DEGRADED)))), List.of()));
        assertThat(degraded.regionHealth("fra")).isEqualTo(Health.DEGRADED);
        assertThat(degraded.regionHealth("dub")).isEqualTo(Health.HEALTHY);

        var unknownToo = degraded.apply(TopologyDelta.of(List.of(new Cluster("orders", "Orders", "fra", List.of(
                replica("o-1", "fra", ReplicaRole.PRIMARY, Health.UNKNOWN),
                replica("o-2", "fra", ReplicaRole.STANDBY, Health.HEALTHY),
                replica("o-3", "dub", ReplicaRole.STANDBY, Health.HEALTHY)))), List.of()));
        assertThat(unknownToo.regionHealth("fra")).isEqualTo(Health.UNKNOWN);

        var failedToo = unknownToo.apply(TopologyDelta.of(List.of(new Cluster("orders", "Orders", "fra", List.of(
                replica("o-1", "fra", ReplicaRole.PRIMARY, Health.UNKNOWN),
                replica("o-2", "fra", ReplicaRole.STANDBY, Health.FAILED),
                replica("o-3", "dub", ReplicaRole.STANDBY, Health.DEGRADED)))), List.of()));
        assertThat(failedToo.regionHealth("fra")).isEqualTo(Health.FAILED);
        assertThat(failedToo.regionHealth("dub")).isEqualTo(Health.DEGRADED);
    }

    @Test
    void regionHealthIsTheWorstWhateverTheOrder() {
        for (var first : Health.values()) {
            for (var second : Health.values()) {
                var t = topology(List.of(region("r")), List.of(new Cluster("c", "C", "r", List.of(
                        replica("a", "r", ReplicaRole.PRIMARY, first),
                        replica("b", "r", ReplicaRole.STANDBY, second)))), List.of());
                var expected = first.ordinal() >= second.ordinal() ? first : second;
                assertThat(t.regionHealth("r")).as("%s + %s", first, second).isEqualTo(expected);
            }
        }
    }

    @Test
    void concernOrderIsHealthyDegradedUnknownFailed() {
        assertThat(Health.HEALTHY.worse(Health.DEGRADED)).isEqualTo(Health.DEGRADED);
        assertThat(Health.DEGRADED.worse(Health.UNKNOWN)).isEqualTo(Health.UNKNOWN);
        assertThat(Health.FAILED.worse(Health.UNKNOWN)).isEqualTo(Health.FAILED);
        assertThat(Health.HEALTHY.worse(Health.HEALTHY)).isEqualTo(Health.HEALTHY);
    }

    @Test
    void regionWithoutReplicasIsUnknown() {
        assertThat(base().regionHealth("empty")).isEqualTo(Health.UNKNOWN);
        assertThat(base().regionHealth("not-a-region")).isEqualTo(Health.UNKNOWN);
    }

    @Test
    void replicasInGroupsByClusterInClusterOrder() {
        var t = base();
        Map<Cluster, List<Replica>> fra = t.replicasIn("fra");
        assertThat(fra.keySet()).containsExactly(ORDERS, CATALOG);
        assertThat(fra.get(ORDERS).stream().map(Replica::id)).containsExactly("o-1", "o-2");
        assertThat(fra.get(CATALOG).stream().map(Replica::id)).containsExactly("c-2");

        var dub = t.replicasIn("dub");
        assertThat(dub.keySet()).containsExactly(ORDERS, CATALOG);
        assertThat(dub.get(ORDERS).stream().map(Replica::id)).containsExactly("o-3");
        assertThat(dub.get(CATALOG).stream().map(Replica::id)).containsExactly("c-1");

        assertThat(t.replicasIn("ams").keySet()).containsExactly(USERS);
        assertThat(t.replicasIn("empty")).isEmpty();
    }

    @Test
    void lookups() {
        var t = base();
        assertThat(t.region("dub")).map(Region::id).contains("dub");
        assertThat(t.region("nope")).isEmpty();
        assertThat(t.tierTargets(RecoveryTier.HOT)).contains(TIERS.getFirst());
        assertThat(t.tierTargets(RecoveryTier.COLD)).isEmpty();
        assertThat(ORDERS.primary()).map(Replica::id).contains("o-1");
    }
}
