package io.meridian.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.meridian.api.v1.AbortDrillRequest;
import io.meridian.api.v1.DrillOutcome;
import io.meridian.api.v1.DrillReport;
import io.meridian.api.v1.DrillState;
import io.meridian.api.v1.DrillType;
import io.meridian.api.v1.Measure;
import io.meridian.api.v1.MeasureVerdict;
import io.meridian.api.v1.ProposalState;
import io.meridian.api.v1.StartDrillRequest;
import io.meridian.api.v1.StepStatus;
import io.meridian.api.v1.TimelineEvent;
import io.meridian.api.v1.TimelineKind;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.model.topology.Health;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Drills on the simulated phase-7p platform, end to end in the backend, twenty times faster than real time. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SimulatedDrillTest {
    private final DrillFixture fixture;

    SimulatedDrillTest() throws Exception {
        fixture = new DrillFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aRegionOutageIsDetectedDecidedRecoveredAndMeasuredFromItsTimeline() {
        var drill = start(DrillType.DRILL_TYPE_REGION_OUTAGE, "us-east-1");
        var proposal = fixture.awaitProposal(drill.getId(), "control-plane");
        fixture.approveByTwo(proposal.getId());
        var report = fixture.awaitEnd(drill.getId());

        assertThat(report.getState()).as(report.getStateDetail()).isEqualTo(DrillState.DRILL_STATE_COMPLETED);
        var kinds = report.getTimelineList().stream().map(TimelineEvent::getKind).toList();
        assertThat(kinds).contains(TimelineKind.TIMELINE_KIND_FAULT_INJECTED, TimelineKind.TIMELINE_KIND_DETECTED,
                TimelineKind.TIMELINE_KIND_PROPOSAL_OPENED, TimelineKind.TIMELINE_KIND_DECISION,
                TimelineKind.TIMELINE_KIND_PHASE, TimelineKind.TIMELINE_KIND_RECOVERED,
                TimelineKind.TIMELINE_KIND_CONSISTENCY_CHECKED, TimelineKind.TIMELINE_KIND_FAULT_LIFTED,
                TimelineKind.TIMELINE_KIND_DRILL_ENDED);
        assertThat(report.getDecisionsList()).extracting(d -> d.getIdentity()).containsExactly("alice", "bob");

        var rto = measure(report, "RTO", "control-plane");
        var injected = event(report, TimelineKind.TIMELINE_KIND_FAULT_INJECTED, "");
        var recovered = event(report, TimelineKind.TIMELINE_KIND_RECOVERED, "control-plane");
        assertThat(ProtoTime.duration(rto.getMeasured())).isEqualTo(Duration.between(
                ProtoTime.instant(injected.getAt()), ProtoTime.instant(recovered.getAt())));
        assertThat(rto.getVerdict()).isEqualTo(MeasureVerdict.MEASURE_VERDICT_PASS);
        assertThat(ProtoTime.duration(rto.getTarget())).isEqualTo(Duration.ofMinutes(5));
        assertThat(rto.getTargetBasis()).contains("HOT tier of us-east-1");
        assertThat(measure(report, "detection", "").getVerdict()).isEqualTo(MeasureVerdict.MEASURE_VERDICT_PASS);
        assertThat(measure(report, "RPO", "control-plane").getVerdict())
                .isEqualTo(MeasureVerdict.MEASURE_VERDICT_PASS);
        assertThat(measure(report, "time to decision", "control-plane").getMeasuredKnown()).isTrue();
        assertThat(ProtoTime.duration(rto.getWallMeasured())).as("wall clock at 20x")
                .isLessThan(ProtoTime.duration(rto.getMeasured()));

        // na-db keeps every replica in us-east-1 (residency): it cannot fail over, and the report says why.
        var naDb = measure(report, "RTO", "na-db");
        assertThat(naDb.getVerdict()).isEqualTo(MeasureVerdict.MEASURE_VERDICT_FAIL);
        assertThat(naDb.getNote()).contains("blocked by");
        assertThat(report.getOutcome()).isEqualTo(DrillOutcome.DRILL_OUTCOME_FAILED);
        assertThat(fixture.platform.activeFaults()).as("the outage was lifted").isZero();
        assertThat(fixture.backend.failover().list()).filteredOn(p -> p.getDrillId().equals(drill.getId()))
                .allMatch(p -> !p.getDrillId().isEmpty());
    }

    @Test
    void aSecondDrillOnTheSameRegionIsRefusedAndChangesNothing() {
        start(DrillType.DRILL_TYPE_REGION_OUTAGE, "us-east-1");
        DrillFixture.await(() -> fixture.platform.activeFaults() == 1);
        assertThatThrownBy(() -> start(DrillType.DRILL_TYPE_LAG_SPIKE, "us-east-1"))
                .isInstanceOf(StatusRuntimeException.class)
                .satisfies(e -> assertThat(Status.fromThrowable(e).getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION))
                .hasMessageContaining("region us-east-1 is already in drill");
        assertThat(fixture.platform.activeFaults()).isEqualTo(1);
    }

    @Test
    void aRegionAlreadyFailingIsRefused() {
        fixture.platform.inject(Faults.Kind.REPLICA_CRASH, "sa-db-gru-2", 1, Duration.ofHours(1));
        DrillFixture.await(() -> fixture.platform.topology().clusters().stream().flatMap(c -> c.replicas().stream())
                .anyMatch(r -> r.id().equals("sa-db-gru-2") && r.health() == Health.FAILED));
        assertThatThrownBy(() -> start(DrillType.DRILL_TYPE_REGION_OUTAGE, "sa-east-1"))
                .hasMessageContaining("region sa-east-1 is already failing: sa-db-gru-2");
        assertThat(fixture.backend.drills().list()).isEmpty();
    }

    @Test
    void abortingMidFailoverLiftsTheOutageAndLetsTheExecutionFinish() throws Exception {
        // Twice real time: the ten ticks of the execution take five seconds, time enough to abort in the middle.
        try (var slow = new DrillFixture(null, 2)) {
            abortMidFailover(slow);
        }
    }

    private static void abortMidFailover(DrillFixture fixture) {
        var drill = fixture.backend.drills().start(DrillFixture.COMMANDER, StartDrillRequest.newBuilder()
                .setType(DrillType.DRILL_TYPE_REGION_OUTAGE).addTargets("us-east-1").build());
        var proposal = fixture.awaitProposal(drill.getId(), "control-plane");
        fixture.approveByTwo(proposal.getId());
        DrillFixture.await(() -> fixture.backend.failover().get(proposal.getId()).getState()
                == ProposalState.PROPOSAL_STATE_EXECUTING);
        fixture.backend.drills().abort(DrillFixture.COMMANDER, AbortDrillRequest.newBuilder()
                .setDrillId(drill.getId()).setReason("pager went off for real").build());
        assertThatThrownBy(() -> fixture.backend.drills().abort(DrillFixture.COMMANDER, AbortDrillRequest
                .newBuilder().setDrillId(drill.getId()).setReason("twice").build()))
                .as("a second abort while the first cleans up").hasMessageContaining("already ended or is ending");
        var report = fixture.awaitEnd(drill.getId());
        assertThat(report.getTimelineList()).filteredOn(e -> e.getKind() == TimelineKind.TIMELINE_KIND_ABORTED)
                .hasSize(1);

        assertThat(report.getState()).isEqualTo(DrillState.DRILL_STATE_ABORTED);
        assertThat(report.getStateDetail()).contains("aborted by carol: pager went off for real")
                .contains("control-plane was executing and was left to finish");
        assertThat(report.getOutcome()).isEqualTo(DrillOutcome.DRILL_OUTCOME_INCOMPLETE);
        assertThat(fixture.platform.activeFaults()).isZero();
        assertThat(report.getTimelineList()).anyMatch(e -> e.getKind() == TimelineKind.TIMELINE_KIND_ABORTED
                && e.getActor().equals("carol"));
        assertThatThrownBy(() -> fixture.backend.drills().abort(DrillFixture.COMMANDER, AbortDrillRequest
                .newBuilder().setDrillId(drill.getId()).setReason("again").build()))
                .hasMessageContaining("already ended");
    }

    @Test
    void aPartitionIsDetectedAndHealsOnceLifted() {
        var report = runTimed(StartDrillRequest.newBuilder().setType(DrillType.DRILL_TYPE_NETWORK_PARTITION)
                .addTargets("us-east-1").addTargets("eu-central-1").putParameters("duration_seconds", "40"));
        assertThat(event(report, TimelineKind.TIMELINE_KIND_DETECTED, "").getDetail()).contains("disconnected");
        assertThat(measure(report, "recovery after the fault", "").getVerdict())
                .isEqualTo(MeasureVerdict.MEASURE_VERDICT_NOT_APPLICABLE);
    }

    @Test
    void aLagSpikeIsDetectedOverTheSloAndHeals() {
        var report = runTimed(StartDrillRequest.newBuilder().setType(DrillType.DRILL_TYPE_LAG_SPIKE)
                .addTargets("ap-south-1").putParameters("duration_seconds", "20"));
        assertThat(event(report, TimelineKind.TIMELINE_KIND_DETECTED, "").getDetail()).contains("over the 30 s SLO");
        assertThat(measure(report, "detection", "").getVerdict()).isEqualTo(MeasureVerdict.MEASURE_VERDICT_PASS);
    }

    @Test
    void aClockSkewIsDetectedAndHeals() {
        var report = runTimed(StartDrillRequest.newBuilder().setType(DrillType.DRILL_TYPE_CLOCK_SKEW)
                .addTargets("ap-northeast-1").putParameters("duration_seconds", "20"));
        assertThat(event(report, TimelineKind.TIMELINE_KIND_DETECTED, "").getDetail()).contains("clock offset");
    }

    @Test
    void aPartitionBetweenRegionsWithoutALinkIsRefusedByThePlatformAndEnds() {
        var drill = fixture.backend.drills().start(DrillFixture.COMMANDER, StartDrillRequest.newBuilder()
                .setType(DrillType.DRILL_TYPE_NETWORK_PARTITION).addTargets("cn-north-1").addTargets("sa-east-1")
                .build());
        var report = fixture.awaitEnd(drill.getId());
        assertThat(report.getState()).isEqualTo(DrillState.DRILL_STATE_FAILED);
        assertThat(report.getStateDetail()).contains("no replication link runs between cn-north-1 and sa-east-1");
        assertThat(report.getSteps(0).getStatus()).isEqualTo(StepStatus.STEP_STATUS_FAILED);
    }

    @Test
    void theShippedRunbookWaitsForItsPersonThenRuns() {
        var drill = fixture.backend.drills().start(DrillFixture.COMMANDER, StartDrillRequest.newBuilder()
                .setType(DrillType.DRILL_TYPE_RUNBOOK).setRunbookName("phase-7p-monthly").build());
        assertThat(drill.getSteps(0).getConfirmBy()).isEqualTo("carol");
        DrillFixture.await(() -> fixture.backend.drills().get(drill.getId()).getSteps(0).getStatus()
                == StepStatus.STEP_STATUS_WAITING);
        assertThatThrownBy(() -> fixture.backend.drills().confirm(new io.meridian.model.session.Caller("alice",
                java.util.Set.of(), "test"), drill.getId(), "announce", "done"))
                .hasMessageContaining("waits for carol, not alice");
        fixture.backend.drills().confirm(DrillFixture.COMMANDER, drill.getId(), "announce", "announced in #ops");
        var proposal = fixture.awaitProposal(drill.getId(), "control-plane");
        fixture.approveByTwo(proposal.getId());
        DrillFixture.await(() -> fixture.backend.drills().get(drill.getId()).getSteps(6).getStatus()
                == StepStatus.STEP_STATUS_WAITING);
        fixture.backend.drills().confirm(DrillFixture.COMMANDER, drill.getId(), "verify", "routing on fra-1");
        var report = fixture.awaitEnd(drill.getId());
        assertThat(report.getStepsList()).extracting(s -> s.getStatus()).containsExactly(
                StepStatus.STEP_STATUS_PASSED, StepStatus.STEP_STATUS_PASSED, StepStatus.STEP_STATUS_PASSED,
                StepStatus.STEP_STATUS_FAILED, StepStatus.STEP_STATUS_FAILED, StepStatus.STEP_STATUS_PASSED,
                StepStatus.STEP_STATUS_PASSED, StepStatus.STEP_STATUS_PASSED);
        assertThat(report.getSteps(3).getDetail()).contains("na-db: cannot be approved");
    }

    @Test
    void aBackendRestartMidDrillIsReportedAndWhatTheDrillDeclaredIsLifted(@TempDir Path dir) throws Exception {
        fixture.backend.drills().keepRecordsIn(dir);
        var drill = start(DrillType.DRILL_TYPE_REGION_OUTAGE, "us-east-1");
        fixture.awaitProposal(drill.getId(), "control-plane");
        DrillFixture.await(() -> fixture.backend.drills().get(drill.getId()).getTimelineList().stream()
                .anyMatch(e -> e.getKind() == TimelineKind.TIMELINE_KIND_DETECTED));
        // What a crash leaves behind: the record as it was while the drill ran.
        var file = dir.resolve(drill.getId() + ".drill");
        var crashed = dir.resolve("crashed.copy");
        Files.copy(file, crashed);
        fixture.close();
        assertThat(DrillReport.parseFrom(Files.readAllBytes(file)).getState())
                .as("a clean stop ends the drill itself").isEqualTo(DrillState.DRILL_STATE_INTERRUPTED);
        Files.move(crashed, file, StandardCopyOption.REPLACE_EXISTING);

        try (var restarted = new DrillFixture()) {
            restarted.backend.drills().keepRecordsIn(dir);
            var report = restarted.backend.drills().get(drill.getId());
            assertThat(report.getState()).isEqualTo(DrillState.DRILL_STATE_INTERRUPTED);
            assertThat(report.getStateDetail()).contains("the backend restarted").contains("outage of region us-east-1");
            assertThat(report.getOutcome()).isEqualTo(DrillOutcome.DRILL_OUTCOME_INCOMPLETE);
            assertThat(measure(report, "detection", "").getMeasuredKnown()).as("kept from before").isTrue();
            assertThat(restarted.backend.drills().list()).extracting(DrillReport::getId).contains(drill.getId());
            // The region is free again for a new drill.
            restarted.backend.drills().start(DrillFixture.COMMANDER, StartDrillRequest.newBuilder()
                    .setType(DrillType.DRILL_TYPE_REGION_OUTAGE).addTargets("us-east-1").build());
        }
    }

    private DrillReport runTimed(StartDrillRequest.Builder request) {
        var drill = fixture.backend.drills().start(DrillFixture.COMMANDER, request.build());
        var report = fixture.awaitEnd(drill.getId());
        assertThat(report.getState()).as(report.getStateDetail()).isEqualTo(DrillState.DRILL_STATE_COMPLETED);
        assertThat(report.getStepsList()).as(report.getStepsList().toString())
                .allMatch(s -> s.getStatus() == StepStatus.STEP_STATUS_PASSED);
        assertThat(report.getTimelineList()).extracting(TimelineEvent::getKind)
                .contains(TimelineKind.TIMELINE_KIND_DETECTED, TimelineKind.TIMELINE_KIND_FAULT_LIFTED,
                        TimelineKind.TIMELINE_KIND_RECOVERED);
        assertThat(fixture.platform.activeFaults()).isZero();
        return report;
    }

    private DrillReport start(DrillType type, String... regions) {
        return fixture.backend.drills().start(DrillFixture.COMMANDER, StartDrillRequest.newBuilder().setType(type)
                .addAllTargets(List.of(regions)).build());
    }

    private static Measure measure(DrillReport report, String name, String subject) {
        return report.getMeasuresList().stream().filter(m -> m.getName().equals(name)
                && m.getSubject().equals(subject)).findFirst().orElseThrow(() -> new AssertionError(
                "no measure " + name + " " + subject + " in " + report.getMeasuresList()));
    }

    private static TimelineEvent event(DrillReport report, TimelineKind kind, String subject) {
        return report.getTimelineList().stream().filter(e -> e.getKind() == kind
                && (subject.isEmpty() || e.getSubject().equals(subject))).findFirst().orElseThrow();
    }
}
