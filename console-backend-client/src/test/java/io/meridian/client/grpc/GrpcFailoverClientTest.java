package io.meridian.client.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.meridian.api.v1.DecisionReceipt;
import io.meridian.api.v1.DecisionRequest;
import io.meridian.api.v1.FailoverServiceGrpc;
import io.meridian.api.v1.ProposalEvent;
import io.meridian.api.v1.WatchProposalsRequest;
import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.client.ActingIdentity;
import io.meridian.client.Backoff;
import io.meridian.client.BackendException;
import io.meridian.client.DecisionSigner;
import io.meridian.client.ProposalWatch;
import io.meridian.client.StreamStatus;
import io.meridian.model.failover.DecisionDraft;
import io.meridian.model.failover.DecisionKind;
import io.meridian.model.failover.FailoverSamples;
import io.meridian.model.session.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GrpcFailoverClientTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private Server server;
    private ManagedChannel channel;

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        channel.shutdownNow();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private GrpcFailoverClient clientOf(FailoverServiceGrpc.FailoverServiceImplBase service) throws Exception {
        var name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(service).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        return new GrpcFailoverClient(channel, "in-process", scheduler, Clock.systemUTC(),
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(2), RandomGenerator.getDefault()));
    }

    /** A backend that records each decision once per request id and loses the first replies. */
    private static final class LossyBackend extends FailoverServiceGrpc.FailoverServiceImplBase {
        final List<DecisionRequest> received = new CopyOnWriteArrayList<>();
        final Map<String, DecisionRequest> decided = new ConcurrentHashMap<>();
        final AtomicInteger repliesToLose;

        LossyBackend(int repliesToLose) {
            this.repliesToLose = new AtomicInteger(repliesToLose);
        }

        @Override
        public void decide(DecisionRequest request, StreamObserver<DecisionReceipt> responses) {
            received.add(request);
            boolean replay = decided.putIfAbsent(request.getRequestId(), request) != null;
            if (repliesToLose.getAndDecrement() > 0) {
                responses.onError(Status.UNAVAILABLE.withDescription("reply lost").asRuntimeException());
                return;
            }
            var decision = FailoverSamples.approval("dana", request.getProposalVersion());
            responses.onNext(FailoverMapper.toProto(new io.meridian.model.failover.DecisionReceipt(
                    FailoverSamples.open(request.getProposalVersion(), List.of(decision)), decision, replay)));
            responses.onCompleted();
        }
    }

    private static io.meridian.failover.SignedDecision signedApproval() {
        var dana = new ActingIdentity("dana", "Dana", Set.of(Role.OPERATOR), Ed25519PrivateKey.fromSeed(new byte[32]));
        return new DecisionSigner(Clock.systemUTC()).sign(
                new DecisionDraft("p-1", 4, DecisionKind.APPROVE, "primary lost", List.of()), dana);
    }

    @Test
    void lostRepliesAreRetriedWithTheSameRequestSoOneDecisionIsRecorded() throws Exception {
        var backend = new LossyBackend(3);
        var receipt = clientOf(backend).decide(signedApproval());
        assertThat(backend.received).hasSize(4);
        assertThat(backend.received).allMatch(r -> r.equals(backend.received.getFirst()));
        assertThat(backend.decided).hasSize(1);
        assertThat(receipt.replayed()).isTrue();
    }

    @Test
    void aBackendThatNeverAnswersEndsTheRetriesWithAnUnreachableError() throws Exception {
        var backend = new LossyBackend(Integer.MAX_VALUE);
        assertThatThrownBy(() -> clientOf(backend).decide(signedApproval()))
                .isInstanceOfSatisfying(BackendException.class,
                        e -> assertThat(e.kind()).isEqualTo(BackendException.Kind.UNREACHABLE));
        assertThat(backend.received).hasSize(GrpcFailoverClient.ATTEMPTS);
        assertThat(backend.decided).hasSize(1);
    }

    @Test
    void aRefusalIsNeitherRetriedNorReworded() throws Exception {
        var calls = new AtomicInteger();
        var client = clientOf(new FailoverServiceGrpc.FailoverServiceImplBase() {
            @Override
            public void decide(DecisionRequest request, StreamObserver<DecisionReceipt> responses) {
                calls.incrementAndGet();
                responses.onError(Status.FAILED_PRECONDITION
                        .withDescription("the proposal changed: review it again").asRuntimeException());
            }
        });
        assertThatThrownBy(() -> client.decide(signedApproval()))
                .isInstanceOfSatisfying(BackendException.class, e -> {
                    assertThat(e.kind()).isEqualTo(BackendException.Kind.REFUSED);
                    assertThat(e.getMessage()).isEqualTo("the proposal changed: review it again");
                });
        assertThat(calls).hasValue(1);
    }

    @Test
    void theWatchDeliversProposalsAndReportsItselfLive() throws Exception {
        var proposal = FailoverSamples.open(1, List.of());
        var client = clientOf(new FailoverServiceGrpc.FailoverServiceImplBase() {
            @Override
            public void watchProposals(WatchProposalsRequest request, StreamObserver<ProposalEvent> responses) {
                responses.onNext(FailoverMapper.toProto(new io.meridian.model.failover.ProposalEvent.Changed(
                        FailoverSamples.OPENED, proposal)));
            }
        });
        var events = new CopyOnWriteArrayList<io.meridian.model.failover.ProposalEvent>();
        var statuses = new CopyOnWriteArrayList<StreamStatus>();
        try (var watch = client.watch(new ProposalWatch.Listener() {
            @Override
            public void onEvent(io.meridian.model.failover.ProposalEvent event) {
                events.add(event);
            }

            @Override
            public void onStatus(StreamStatus status) {
                statuses.add(status);
            }
        })) {
            assertThat(events).containsExactly(new io.meridian.model.failover.ProposalEvent.Changed(
                    FailoverSamples.OPENED, proposal));
            assertThat(statuses.getLast()).isInstanceOf(StreamStatus.Live.class);
        }
    }
}
