package io.meridian.server.scenario;

import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.GeoLocation;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.PlatformTargets;
import io.meridian.model.topology.RecoveryTier;
import io.meridian.model.topology.Region;
import io.meridian.model.topology.RegionRole;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.TierTargets;
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;

/** Turns a validated scenario into the platform's first topology: every replica healthy, every link streaming. */
public final class ScenarioTopology {
    private ScenarioTopology() {
    }

    public static Topology initial(Scenario s, Instant now) {
        var t = s.targets();
        var targets = new PlatformTargets(seconds(t.detectionSeconds()), seconds(t.lagSloP95Seconds()),
                seconds(t.lagBreakerSeconds()), t.clockOffsetMaxMicros(), t.availabilityPercent(),
                millis(t.latencyP50Millis()), millis(t.latencyP95Millis()));
        var tiers = s.tiers().stream()
                .map(tier -> new TierTargets(RecoveryTier.valueOf(tier.name()), seconds(tier.rtoSeconds()),
                        seconds(tier.rpoSeconds()), tier.note()))
                .sorted(Comparator.comparing(TierTargets::tier))
                .toList();
        var regions = s.regions().stream().map(r -> new Region(r.id(), r.name(), r.provider(),
                new GeoLocation(r.location().lat(), r.location().lon()), r.jurisdictions(),
                RecoveryTier.valueOf(r.tier()), RegionRole.valueOf(r.role()))).toList();
        var clusters = new ArrayList<Cluster>();
        var links = new ArrayList<ReplicationLink>();
        for (var c : s.clusters()) {
            var regionOf = new HashMap<String, String>();
            c.replicas().forEach(r -> regionOf.put(r.id(), r.region()));
            var replicas = c.replicas().stream()
                    .sorted(Comparator.comparing(r -> !"PRIMARY".equals(r.role())))
                    .map(r -> new Replica(r.id(), r.region(), ReplicaRole.valueOf(r.role()), Health.HEALTHY, "", now))
                    .toList();
            var home = c.replicas().stream().filter(r -> "PRIMARY".equals(r.role())).findFirst().orElseThrow();
            clusters.add(new Cluster(c.id(), c.name(), home.region(), replicas));
            for (var r : c.replicas()) {
                if (r.upstream() != null) {
                    links.add(new ReplicationLink(ReplicationLink.idOf(r.upstream(), r.id()), c.id(), r.upstream(),
                            r.id(), regionOf.get(r.upstream()), r.region(), Boolean.TRUE.equals(r.sync()),
                            LinkState.STREAMING));
                }
            }
        }
        return new Topology(targets, tiers, regions, clusters, links);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static Duration millis(double millis) {
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }
}
