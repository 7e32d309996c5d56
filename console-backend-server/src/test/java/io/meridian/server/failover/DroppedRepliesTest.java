package io.meridian.server.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.meridian.api.v1.DecisionRequest;
import io.meridian.api.v1.FailoverServiceGrpc;
import io.meridian.api.v1.GetProposalRequest;
import io.meridian.api.v1.Proposal;
import io.meridian.api.v1.ProposalState;
import io.meridian.api.v1.SwitchoverRequest;
import io.meridian.api.v1.Verdict;
import io.meridian.model.session.Caller;
import io.meridian.model.session.Role;
import io.meridian.server.access.CallerInterceptor;
import io.meridian.server.failover.FailoverFixture.Person;
import io.meridian.server.telemetry.TelemetryHub;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The network drops replies after the backend acted; the client retries the same request until a reply arrives.
 * Over 1,000 dropped replies, every proposal gets exactly the decisions people made and runs at most once.
 */
class DroppedRepliesTest {
    private static final int DROPPED_REPLIES = 1000;
    private static final Metadata.Key<String> WHO = Metadata.Key.of("test-identity", Metadata.ASCII_STRING_MARSHALLER);

    private final Person alice = Person.of("alice", Role.OPERATOR);
    private final Person bob = Person.of("bob", Role.OPERATOR);
    private final Person carol = Person.of("carol", Role.INCIDENT_COMMANDER);
    private final Map<String, Person> people = Map.of("alice", alice, "bob", bob, "carol", carol);
    private final AtomicInteger dropped = new AtomicInteger();
    private final Random random = new Random(20261125);

    @Test
    void retriedRequestsDecideOnceAndExecuteAtMostOnce() throws Exception {
        var platform = new TestPlatform(FailoverFixture.topology());
        var scheduler = Executors.newSingleThreadScheduledExecutor();
        var failover = Failover.start(platform, new TelemetryHub(10), FailoverPolicy.DEFAULT,
                id -> Optional.ofNullable(people.get(id)).map(Person::identity), drafts -> { }, Clock.systemUTC(),
                scheduler, Duration.ofHours(1), Duration.ofSeconds(1));
        var name = InProcessServerBuilder.generateName();
        Server server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(failover.service(), new DropReplies(), new TestCallers()))
                .build().start();
        ManagedChannel channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        try {
            int rounds = 0;
            while (dropped.get() < DROPPED_REPLIES) {
                rounds++;
                var request = SwitchoverRequest.newBuilder().setClusterId("ledger").setReason("rebalance")
                        .setRequestId(UUID.randomUUID().toString()).build();
                var proposal = retried(() -> stub(channel, alice).requestSwitchover(request));
                var warnings = proposal.getDryRun().getChecksList().stream()
                        .filter(c -> c.getVerdict() == Verdict.VERDICT_WARN).map(c -> c.getRule()).sorted()
                        .toArray(String[]::new);
                var first = decide(channel, carol, carol.approve(proposal, "planned", warnings));
                var second = decide(channel, bob, bob.approve(first, "agree"));
                assertThat(second.getState()).isIn(ProposalState.PROPOSAL_STATE_EXECUTING,
                        ProposalState.PROPOSAL_STATE_SUCCEEDED);
                while (state(channel, proposal.getId()) != ProposalState.PROPOSAL_STATE_SUCCEEDED) {
                    Thread.sleep(1);
                }
                var done = stub(channel, alice).getProposal(GetProposalRequest.newBuilder()
                        .setProposalId(proposal.getId()).build());
                assertThat(done.getDecisionsList()).extracting(d -> d.getIdentity()).containsExactly("carol", "bob");
                assertThat(platform.plans()).hasSize(rounds);
            }
            assertThat(platform.executed()).hasSize(rounds * FailoverFixture.allPhases().size());
            assertThat(dropped.get()).isGreaterThanOrEqualTo(DROPPED_REPLIES);
        } finally {
            channel.shutdownNow();
            server.shutdownNow();
            failover.close();
            scheduler.shutdownNow();
        }
    }

    private Proposal decide(ManagedChannel channel, Person who, DecisionRequest request) {
        return retried(() -> stub(channel, who).decide(request)).getProposal();
    }

    private ProposalState state(ManagedChannel channel, String id) {
        try {
            return stub(channel, alice).getProposal(GetProposalRequest.newBuilder().setProposalId(id).build())
                    .getState();
        } catch (StatusRuntimeException e) {
            return ProposalState.PROPOSAL_STATE_UNSPECIFIED;
        }
    }

    private static <T> T retried(Supplier<T> call) {
        while (true) {
            try {
                return call.get();
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE) {
                    throw e;
                }
            }
        }
    }

    private static FailoverServiceGrpc.FailoverServiceBlockingStub stub(ManagedChannel channel, Person who) {
        var headers = new Metadata();
        headers.put(WHO, who.identity().id());
        return FailoverServiceGrpc.newBlockingStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /** Lets the service act, then loses the reply on the way back for about half of the write calls. */
    private final class DropReplies implements ServerInterceptor {
        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                         ServerCallHandler<Q, A> next) {
            var method = call.getMethodDescriptor().getBareMethodName();
            boolean drop = ("Decide".equals(method) || "RequestSwitchover".equals(method)) && random.nextBoolean();
            if (!drop) {
                return next.startCall(call, headers);
            }
            return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                @Override
                public void sendMessage(A message) {
                    // The backend answered; the network loses it.
                }

                @Override
                public void close(Status status, Metadata trailers) {
                    if (status.isOk()) {
                        dropped.incrementAndGet();
                        super.close(Status.UNAVAILABLE.withDescription("reply dropped by the test network"),
                                new Metadata());
                    } else {
                        super.close(status, trailers);
                    }
                }
            }, headers);
        }
    }

    /** Takes the caller from a header, as the access interceptor takes it from a certificate. */
    private final class TestCallers implements ServerInterceptor {
        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                         ServerCallHandler<Q, A> next) {
            var person = people.get(headers.get(WHO));
            var caller = new Caller(person.identity().id(), person.identity().roles(), "test header");
            return Contexts.interceptCall(Context.current().withValue(CallerInterceptor.CALLER, caller), call,
                    headers, next);
        }
    }
}
