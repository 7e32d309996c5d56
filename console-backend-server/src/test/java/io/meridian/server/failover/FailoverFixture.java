package io.meridian.server.failover;

import com.google.protobuf.ByteString;
import io.meridian.api.v1.DecisionKind;
import io.meridian.api.v1.DecisionRequest;
import io.meridian.api.v1.Proposal;
import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.failover.DecisionPayload;
import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.session.Role;
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
import io.meridian.model.topology.TierTargets;
import io.meridian.model.topology.Topology;
import io.meridian.server.access.Identity;
import io.meridian.server.telemetry.TelemetryHub;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A small platform for failover tests: one cluster, "ledger", whose primary is in Frankfurt (GDPR, HOT), with a
 * synchronous standby beside it, one in Dublin (GDPR) and one in Virginia (CCPA, where GDPR data may not go).
 */
final class FailoverFixture {
    static final Instant T0 = Instant.parse("2026-11-25T03:00:00Z");

    static Topology topology() {
        var regions = List.of(
                region("eu-central-1", List.of("GDPR"), RecoveryTier.HOT),
                region("eu-west-1", List.of("GDPR"), RecoveryTier.WARM),
                region("us-east-1", List.of("CCPA", "HIPAA"), RecoveryTier.HOT));
        var replicas = List.of(
                replica("ledger-fra-1", "eu-central-1", ReplicaRole.PRIMARY),
                replica("ledger-fra-2", "eu-central-1", ReplicaRole.STANDBY),
                replica("ledger-dub-1", "eu-west-1", ReplicaRole.STANDBY),
                replica("ledger-iad-1", "us-east-1", ReplicaRole.STANDBY));
        var links = List.of(
                link("ledger-fra-1", "ledger-fra-2", "eu-central-1", "eu-central-1", true),
                link("ledger-fra-1", "ledger-dub-1", "eu-central-1", "eu-west-1", false),
                link("ledger-fra-1", "ledger-iad-1", "eu-central-1", "us-east-1", false));
        var targets = new PlatformTargets(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60), 1,
                99.99, Duration.ofMillis(150), Duration.ofMillis(500));
        var tiers = List.of(new TierTargets(RecoveryTier.HOT, Duration.ofMinutes(5), Duration.ofMinutes(1), ""),
                new TierTargets(RecoveryTier.WARM, Duration.ofMinutes(30), Duration.ofMinutes(1), ""));
        return new Topology(targets, tiers, regions, List.of(new Cluster("ledger", "Ledger", "eu-central-1", replicas)),
                links);
    }

    static Region region(String id, List<String> jurisdictions, RecoveryTier tier) {
        return new Region(id, id, "AWS", new GeoLocation(0, 0), jurisdictions, tier, RegionRole.PRIMARY);
    }

    static Replica replica(String id, String region, ReplicaRole role) {
        return new Replica(id, region, role, Health.HEALTHY, "", T0);
    }

    static ReplicationLink link(String from, String to, String fromRegion, String toRegion, boolean sync) {
        return new ReplicationLink(ReplicationLink.idOf(from, to), "ledger", from, to, fromRegion, toRegion, sync,
                LinkState.STREAMING);
    }

    /** The topology with one replica's health changed at {@code at}. */
    static Topology withHealth(Topology topology, String replicaId, Health health, String detail, Instant at) {
        var cluster = topology.clusters().getFirst();
        var replicas = cluster.replicas().stream()
                .map(r -> r.id().equals(replicaId) ? r.withHealth(health, detail, at) : r).toList();
        return new Topology(topology.targets(), topology.tiers(), topology.regions(),
                List.of(cluster.withReplicas(replicas)), topology.links());
    }

    /** Lag samples of every link of the fixture, one per second from {@code from} to {@code to}. */
    static void lag(TelemetryHub hub, String linkTarget, double seconds, Instant from, Instant to) {
        for (var at = from; !at.isAfter(to); at = at.plusSeconds(1)) {
            hub.accept(List.of(new TelemetrySample.LinkLag(ReplicationLink.idOf("ledger-fra-1", linkTarget), at,
                    seconds, Math.round(seconds * 4_000_000), false)));
        }
    }

    /** A person with a fresh signing key. */
    record Person(Identity identity, Ed25519PrivateKey key) {
        static Person of(String id, Role... roles) {
            var seed = new byte[32];
            Arrays.fill(seed, (byte) id.hashCode());
            seed[0] = (byte) id.length();
            var key = Ed25519PrivateKey.fromSeed(seed);
            return new Person(new Identity(id, "Person " + id, Set.of(roles), key.publicKey()), key);
        }

        DecisionRequest approve(Proposal p, String reason, String... overrides) {
            return decision(p, true, reason, overrides);
        }

        DecisionRequest reject(Proposal p, String reason) {
            return decision(p, false, reason);
        }

        DecisionRequest decision(Proposal p, boolean approve, String reason, String... overrides) {
            var at = T0.plusSeconds(60);
            var requestId = UUID.randomUUID().toString();
            var sorted = Arrays.stream(overrides).sorted().toList();
            var payload = new DecisionPayload(p.getId(), p.getVersion(), approve, reason,
                    ChronoUnit.MICROS.between(Instant.EPOCH, at), requestId, sorted, identity.id());
            return DecisionRequest.newBuilder().setProposalId(p.getId()).setProposalVersion(p.getVersion())
                    .setDecision(approve ? DecisionKind.DECISION_KIND_APPROVE : DecisionKind.DECISION_KIND_REJECT)
                    .setReason(reason).setDecidedAt(ProtoTime.timestamp(at)).setRequestId(requestId)
                    .addAllOverriddenChecks(sorted)
                    .setSignature(ByteString.copyFrom(key.sign(payload.bytes()))).build();
        }
    }

    /** Phases in order, for assertions. */
    static List<ExecutionPhase> allPhases() {
        return List.of(ExecutionPhase.values());
    }

    private FailoverFixture() {
    }
}
