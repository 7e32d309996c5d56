package io.meridian.sim;

import com.google.protobuf.ByteString;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.meridian.api.v1.DecisionKind;
import io.meridian.api.v1.DecisionRequest;
import io.meridian.api.v1.DrillReport;
import io.meridian.api.v1.DrillState;
import io.meridian.api.v1.Proposal;
import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.failover.DecisionPayload;
import io.meridian.model.session.Caller;
import io.meridian.model.session.Role;
import io.meridian.server.BackendServer;
import io.meridian.server.access.AccessPolicy;
import io.meridian.server.access.Identity;
import io.meridian.server.audit.BackendAudit;
import io.meridian.server.failover.FailoverPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A phase-7p simulated backend for drill tests, twenty times faster than real time by default (one-second ticks of
 * platform time every 50 ms), with two operators and an incident commander who can sign decisions.
 */
final class DrillFixture implements AutoCloseable {
    static final double SPEED = 20;
    static final Duration TICK = Duration.ofSeconds(1);
    static final Caller COMMANDER = new Caller("carol", Set.of(Role.INCIDENT_COMMANDER), "test");

    final Ed25519PrivateKey aliceKey = key(1);
    final Ed25519PrivateKey bobKey = key(2);
    final Map<String, Identity> people = Map.of(
            "alice", new Identity("alice", "Alice", Set.of(Role.OPERATOR), aliceKey.publicKey()),
            "bob", new Identity("bob", "Bob", Set.of(Role.OPERATOR), bobKey.publicKey()),
            "carol", new Identity("carol", "Carol", Set.of(Role.INCIDENT_COMMANDER), key(3).publicKey()));
    final SimulatedPlatform platform;
    final BackendServer backend;

    DrillFixture() throws Exception {
        this(null);
    }

    DrillFixture(BackendAudit audit) throws Exception {
        this(audit, SPEED);
    }

    /** At another speed: slower where a test must act while a failover executes. */
    DrillFixture(BackendAudit audit, double speed) throws Exception {
        var scenario = ShippedScenarios.load("phase-7p");
        var clock = new ScaledClock(Clock.systemUTC(), speed);
        platform = new SimulatedPlatform(scenario, 7, TICK, clock, speed);
        backend = BackendServer.start(NettyServerBuilder.forAddress(new InetSocketAddress(
                        InetAddress.getLoopbackAddress(), 0)), platform, clock, List.of(), audit,
                FailoverPolicy.of(scenario, TICK.multipliedBy(5), TICK.multipliedBy(10)),
                AccessPolicy.demo(id -> Optional.ofNullable(people.get(id))));
    }

    Proposal awaitProposal(String drillId, String clusterId) {
        await(() -> backend.failover().list().stream().anyMatch(p -> p.getClusterId().equals(clusterId)
                && p.getDrillId().equals(drillId)));
        return backend.failover().list().stream().filter(p -> p.getClusterId().equals(clusterId)).findFirst()
                .orElseThrow();
    }

    /** Alice then Bob approve the proposal as it is now. */
    void approveByTwo(String proposalId) {
        var workflow = backend.failover();
        var current = workflow.get(proposalId);
        var afterAlice = workflow.decide(people.get("alice"), sign(current, "alice", aliceKey)).getProposal();
        workflow.decide(people.get("bob"), sign(afterAlice, "bob", bobKey));
    }

    DrillReport awaitEnd(String drillId) {
        await(() -> backend.drills().get(drillId).getState() != DrillState.DRILL_STATE_RUNNING
                && !backend.drills().get(drillId).getTimelineList().isEmpty()
                && backend.drills().get(drillId).getTimelineList().getLast().getKind()
                == io.meridian.api.v1.TimelineKind.TIMELINE_KIND_DRILL_ENDED);
        return backend.drills().get(drillId);
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    static DecisionRequest sign(Proposal p, String who, Ed25519PrivateKey key) {
        var at = Instant.now();
        var requestId = UUID.randomUUID().toString();
        var payload = new DecisionPayload(p.getId(), p.getVersion(), true, "drill: primary region lost",
                ChronoUnit.MICROS.between(Instant.EPOCH, at), requestId, List.of(), who);
        return DecisionRequest.newBuilder().setProposalId(p.getId()).setProposalVersion(p.getVersion())
                .setDecision(DecisionKind.DECISION_KIND_APPROVE).setReason("drill: primary region lost")
                .setDecidedAt(ProtoTime.timestamp(at)).setRequestId(requestId)
                .setSignature(ByteString.copyFrom(key.sign(payload.bytes()))).build();
    }

    static Ed25519PrivateKey key(int seed) {
        var bytes = new byte[32];
        bytes[0] = (byte) seed;
        return Ed25519PrivateKey.fromSeed(bytes);
    }

    @Override
    public void close() {
        backend.close();
    }
}
