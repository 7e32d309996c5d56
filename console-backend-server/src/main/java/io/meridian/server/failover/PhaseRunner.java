package io.meridian.server.failover;

import io.meridian.api.v1.PhaseRecord;
import io.meridian.api.v1.PhaseStatus;
import io.meridian.api.v1.Proposal;
import io.meridian.api.v1.ProposalState;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.failover.FailoverKind;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PhaseResult;
import io.meridian.server.platform.Platform;
import io.meridian.server.platform.PlatformActionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Carries out approved proposals, one at a time, phase by phase, on its own thread: each phase is recorded as
 * running, then done or failed, with timestamps; the first failure stops the run and the remaining phases are
 * marked skipped. A successful run records the measured RTO and RPO on the proposal.
 */
final class PhaseRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PhaseRunner.class.getName());

    private final FailoverWorkflow workflow;
    private final Platform platform;
    private final FailoverAudit audit;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("meridian-failover").daemon().factory());

    PhaseRunner(FailoverWorkflow workflow, Platform platform, FailoverAudit audit, Clock clock) {
        this.workflow = workflow;
        this.platform = platform;
        this.audit = audit;
        this.clock = clock;
    }

    void start(Proposal approved) {
        executor.execute(() -> run(approved));
    }

    private void run(Proposal approved) {
        var id = approved.getId();
        var kind = approved.getKind() == io.meridian.api.v1.FailoverKind.FAILOVER_KIND_PLANNED_SWITCHOVER
                ? FailoverKind.PLANNED_SWITCHOVER : FailoverKind.UNPLANNED_FAILOVER;
        boolean fencingOverridden = approved.getDecisionsList().stream()
                .anyMatch(d -> d.getOverriddenChecksList().contains(DryRunPlanner.FENCING));
        var plan = new FailoverPlan(id, approved.getClusterId(), approved.getOldPrimaryId(),
                approved.getCandidateId(), kind, fencingOverridden);
        var approvers = FailoverWorkflow.approvers(approved.getDecisionsList());
        var region = workflow.regionOf(approved);
        workflow.update(id, p -> {
            var b = p.toBuilder().clearPhases();
            for (var phase : ExecutionPhase.values()) {
                b.addPhases(PhaseRecord.newBuilder().setPhase(proto(phase)).setStatus(PhaseStatus.PHASE_STATUS_PENDING));
            }
            return b.build();
        });
        Instant runStart = clock.instant();
        long lostBytes = 0;
        long lostMillis = 0;
        for (var phase : ExecutionPhase.values()) {
            int index = phase.ordinal();
            var started = clock.instant();
            workflow.update(id, p -> p.toBuilder().setPhases(index, p.getPhases(index).toBuilder()
                    .setStatus(PhaseStatus.PHASE_STATUS_RUNNING).setStartedAt(ProtoTime.timestamp(started))).build());
            PhaseResult result;
            try {
                result = platform.execute(phase, plan);
            } catch (PlatformActionException | RuntimeException e) {
                fail(id, index, e, region, approvers);
                return;
            }
            if (result.lostMillis() >= 0) {
                lostMillis = result.lostMillis();
                lostBytes = Math.max(0, result.lostBytes());
            }
            var finished = clock.instant();
            var done = workflow.update(id, p -> p.toBuilder().setPhases(index, p.getPhases(index).toBuilder()
                    .setStatus(PhaseStatus.PHASE_STATUS_DONE).setFinishedAt(ProtoTime.timestamp(finished))
                    .setDetail(result.detail())).build());
            audit.phase(done, region, done.getPhases(index), approvers, finished);
        }
        var recovered = clock.instant();
        var from = approved.hasFailureSeenAt() ? ProtoTime.instant(approved.getFailureSeenAt()) : runStart;
        var rto = Duration.between(from, recovered);
        var rpo = Duration.ofMillis(lostMillis);
        long bytes = lostBytes;
        workflow.update(id, p -> p.toBuilder().setState(ProposalState.PROPOSAL_STATE_SUCCEEDED)
                .setStateDetail(p.getCandidateId() + " is the primary of " + p.getClusterId())
                .setMeasuredRto(ProtoTime.duration(rto)).setMeasuredRpo(ProtoTime.duration(rpo))
                .setMeasuredLostBytes(bytes).setVersion(p.getVersion() + 1).build());
    }

    private void fail(String id, int index, Exception e, String region, String approvers) {
        var message = e instanceof PlatformActionException ? e.getMessage()
                : "unexpected error: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        if (!(e instanceof PlatformActionException)) {
            LOG.log(System.Logger.Level.ERROR, "failover phase crashed", e);
        }
        var finished = clock.instant();
        var failed = workflow.update(id, p -> {
            var b = p.toBuilder();
            b.setPhases(index, p.getPhases(index).toBuilder().setStatus(PhaseStatus.PHASE_STATUS_FAILED)
                    .setFinishedAt(ProtoTime.timestamp(finished)).setDetail(message));
            for (int i = index + 1; i < b.getPhasesCount(); i++) {
                b.setPhases(i, b.getPhases(i).toBuilder().setStatus(PhaseStatus.PHASE_STATUS_SKIPPED));
            }
            var phase = ExecutionPhase.values()[index];
            return b.setState(ProposalState.PROPOSAL_STATE_FAILED)
                    .setStateDetail(phase.label() + " failed: " + message).setVersion(p.getVersion() + 1).build();
        });
        audit.phase(failed, region, failed.getPhases(index), approvers, finished);
    }

    static io.meridian.api.v1.ExecutionPhase proto(ExecutionPhase phase) {
        return io.meridian.api.v1.ExecutionPhase.valueOf("EXECUTION_PHASE_" + phase.name());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
