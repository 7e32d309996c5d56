package io.meridian.console.telemetry;

import io.meridian.model.telemetry.TelemetrySample;
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
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A two-region topology for unit tests: eu and us, one cluster, replicas eu-1 (primary) and us-1, link eu-1->us-1. */
final class TestTopology {
    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    static final String LINK = "eu-1->us-1";
    static final PlatformTargets TARGETS = new PlatformTargets(Duration.ofSeconds(30), Duration.ofSeconds(30),
            Duration.ofSeconds(60), 1.0, 99.95, Duration.ofMillis(50), Duration.ofMillis(200));

    private TestTopology() {
    }

    static Topology topology() {
        var regions = List.of(region("eu", 50, 8), region("us", 38, -77));
        var cluster = new Cluster("db", "Database", "eu", List.of(
                new Replica("eu-1", "eu", ReplicaRole.PRIMARY, Health.HEALTHY, "", T0),
                new Replica("us-1", "us", ReplicaRole.STANDBY, Health.HEALTHY, "", T0)));
        var link = new ReplicationLink(LINK, "db", "eu-1", "us-1", "eu", "us", false, LinkState.STREAMING);
        return new Topology(TARGETS, List.of(), regions, List.of(cluster), List.of(link));
    }

    private static Region region(String id, double lat, double lon) {
        return new Region(id, id.toUpperCase(java.util.Locale.ROOT), "test", new GeoLocation(lat, lon), List.of("GDPR"),
                RecoveryTier.HOT, RegionRole.PRIMARY);
    }

    static TelemetrySample.LinkLag lag(double seconds, int atSecond) {
        return lag(LINK, seconds, atSecond, false);
    }

    static TelemetrySample.LinkLag lag(String link, double seconds, int atSecond, boolean breakerOpen) {
        return new TelemetrySample.LinkLag(link, T0.plusSeconds(atSecond), seconds, 0, breakerOpen);
    }

    static TelemetrySample.ClockOffset clock(String replica, double micros, int atSecond) {
        return new TelemetrySample.ClockOffset(replica, T0.plusSeconds(atSecond), micros, 0.1);
    }

    static TelemetrySample.RegionDrift drift(String region, boolean drifted, int atSecond) {
        return new TelemetrySample.RegionDrift(region, T0.plusSeconds(atSecond), drifted ? 0.4 : 0.05,
                drifted ? 1e-6 : 0.6, 600, 3000, 0.001, drifted, "query latency (ms)");
    }
}
