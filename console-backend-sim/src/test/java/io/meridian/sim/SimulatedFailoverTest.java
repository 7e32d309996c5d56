package io.meridian.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.meridian.api.v1.DecisionRequest;
import io.meridian.api.v1.PhaseStatus;
import io.meridian.api.v1.Proposal;
import io.meridian.api.v1.ProposalState;
import io.meridian.api.v1.Verdict;
import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.client.ActingIdentity;
import io.meridian.client.DecisionSigner;
import io.meridian.client.grpc.FailoverMapper;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.model.failover.DecisionDraft;
import io.meridian.model.failover.DecisionKind;
import io.meridian.model.session.Role;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.server.BackendServer;
import io.meridian.server.access.AccessPolicy;
import io.meridian.server.access.Identity;
import io.meridian.server.failover.FailoverPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A failover on the simulated phase-7p platform, end to end in the backend, with 50 ms ticks. */
class SimulatedFailoverTest {
    private static final Duration TICK = Duration.ofMillis(50);

    private final Ed25519PrivateKey aliceKey = key(1);
    private final Ed25519PrivateKey bobKey = key(2);
    private final Map<String, Identity> people = Map.of(
            "alice", new Identity("alice", "Alice", Set.of(Role.OPERATOR), aliceKey.publicKey()),
            "bob", new Identity("bob", "Bob", Set.of(Role.OPERATOR), bobKey.publicKey()));
    private final SimulatedPlatform platform;
    private final BackendServer backend;

    SimulatedFailoverTest() throws Exception {
        var scenario = ShippedScenarios.load("phase-7p");
        platform = new SimulatedPlatform(scenario, 7, TICK, Clock.systemUTC());
        backend = BackendServer.start(NettyServerBuilder.forAddress(new InetSocketAddress(
                        InetAddress.getLoopbackAddress(), 0)), platform, Clock.systemUTC(), List.of(), null,
                FailoverPolicy.of(scenario, TICK.multipliedBy(5), TICK.multipliedBy(10)),
                AccessPolicy.certificates(id -> Optional.ofNullable(people.get(id))));
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void aCrashedPrimaryIsDetectedApprovedByTwoPeopleAndReplaced() throws Exception {
        platform.inject(Faults.Kind.REPLICA_CRASH, "eu-db-fra-1", 1, Duration.ofMinutes(10));
        var proposal = awaitProposal("eu-db");
        assertThat(proposal.getOldPrimaryId()).isEqualTo("eu-db-fra-1");
        assertThat(proposal.getOpenedBy()).contains("crashed (injected)");
        var detection = Duration.between(ProtoTime.instant(proposal.getFailureSeenAt()),
                ProtoTime.instant(proposal.getOpenedAt()));
        assertThat(detection).as("confirmed over three ticks").isGreaterThanOrEqualTo(TICK.multipliedBy(3));
        assertThat(proposal.getDryRun().getChecksList()).anyMatch(c -> c.getRule().equals("fencing")
                && c.getReason().contains("provider's API"));

        var workflow = backend.failover();
        var current = workflow.refresh(proposal.getId());
        var overrides = current.getDryRun().getChecksList().stream()
                .filter(c -> c.getVerdict() == Verdict.VERDICT_WARN).map(c -> c.getRule()).sorted().toList();
        assertThat(overrides).as("a healthy sync standby needs no override").isEmpty();
        var afterAlice = workflow.decide(people.get("alice"), sign(current, "alice", aliceKey)).getProposal();
        workflow.decide(people.get("bob"), sign(afterAlice, "bob", bobKey));
        await(() -> workflow.get(proposal.getId()).getState() != ProposalState.PROPOSAL_STATE_EXECUTING);

        var done = workflow.get(proposal.getId());
        assertThat(done.getState()).as(done.getStateDetail()).isEqualTo(ProposalState.PROPOSAL_STATE_SUCCEEDED);
        assertThat(done.getPhasesList()).allMatch(p -> p.getStatus() == PhaseStatus.PHASE_STATUS_DONE);
        var candidate = done.getCandidateId();
        var cluster = platform.topology().clusters().stream().filter(c -> c.id().equals("eu-db")).findFirst()
                .orElseThrow();
        assertThat(cluster.primary().orElseThrow().id()).isEqualTo(candidate);
        assertThat(cluster.replicas()).filteredOn(r -> r.id().equals("eu-db-fra-1"))
                .allMatch(r -> r.role() == ReplicaRole.STANDBY && r.health() == Health.FAILED);
        assertThat(platform.topology().links()).filteredOn(l -> l.clusterId().equals("eu-db"))
                .extracting(ReplicationLink::sourceReplicaId).containsOnly(candidate);
        assertThat(done.getMeasuredRto().getSeconds() * 1000 + done.getMeasuredRto().getNanos() / 1_000_000)
                .isGreaterThanOrEqualTo(detection.toMillis());
    }

    @Test
    void aRegionOutageLeavesNoHealthyCandidateAndTheProposalSaysSo() throws Exception {
        platform.inject(Faults.Kind.REGION_OUTAGE, "eu-central-1", 1, Duration.ofMinutes(10));
        var proposal = awaitProposal("eu-db");
        assertThat(proposal.getDryRun().getVerdict()).isEqualTo(Verdict.VERDICT_BLOCK);
        assertThat(proposal.getDryRun().getRankingReason()).startsWith("no standby is eligible");
        assertThat(proposal.getDryRun().getChecksList()).anyMatch(c -> c.getRule().equals("candidate-health")
                && c.getVerdict() == Verdict.VERDICT_BLOCK && c.getReason().contains("region outage"));
    }

    private Proposal awaitProposal(String clusterId) throws InterruptedException {
        await(() -> backend.failover().list().stream().anyMatch(p -> p.getClusterId().equals(clusterId)));
        return backend.failover().list().stream().filter(p -> p.getClusterId().equals(clusterId)).findFirst()
                .orElseThrow();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The decision a console would send: signed by {@link DecisionSigner}, mapped as the client maps it. */
    private static DecisionRequest sign(Proposal p, String who, Ed25519PrivateKey key) {
        var signer = new ActingIdentity(who, who, Set.of(Role.OPERATOR), key);
        return FailoverMapper.toProto(new DecisionSigner(Clock.systemUTC()).sign(new DecisionDraft(p.getId(),
                p.getVersion(), DecisionKind.APPROVE, "primary lost", List.of()), signer));
    }

    private static Ed25519PrivateKey key(int seed) {
        var bytes = new byte[32];
        bytes[0] = (byte) seed;
        return Ed25519PrivateKey.fromSeed(bytes);
    }
}
