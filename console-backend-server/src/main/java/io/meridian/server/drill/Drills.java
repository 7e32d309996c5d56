package io.meridian.server.drill;

import io.grpc.Status;
import io.meridian.api.v1.AbortDrillRequest;
import io.meridian.api.v1.DrillOutcome;
import io.meridian.api.v1.DrillReport;
import io.meridian.api.v1.DrillState;
import io.meridian.api.v1.DrillStep;
import io.meridian.api.v1.DrillType;
import io.meridian.api.v1.Proposal;
import io.meridian.api.v1.ProposalState;
import io.meridian.api.v1.StartDrillRequest;
import io.meridian.api.v1.StepKind;
import io.meridian.api.v1.StepStatus;
import io.meridian.api.v1.TimelineEvent;
import io.meridian.api.v1.TimelineKind;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.model.session.Caller;
import io.meridian.model.session.Role;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.Topology;
import io.meridian.server.access.Identities;
import io.meridian.server.audit.AuditLog;
import io.meridian.server.failover.FailoverWorkflow;
import io.meridian.server.platform.DrillFault;
import io.meridian.server.platform.Platform;
import io.meridian.server.telemetry.TelemetryHub;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The drills of one backend: starts them after every check (a platform that can inject faults, known regions, no
 * other drill on them, no real failure there), runs each on its own thread, aborts, confirms manual steps, lists
 * and reports. It tells the failover detector which drill declared a failed replica, so the proposals a drill causes
 * carry its id. Written against {@link Platform} only.
 */
public final class Drills implements AutoCloseable {
    private final Platform platform;
    private final FailoverWorkflow workflow;
    private final TelemetryHub hub;
    private final DrillAudit audit;
    private final Identities identities;
    private final Duration expectedExecution;
    private final Clock clock;
    private final LongSupplier wallNanos;
    private final Runnable unwatch;
    private final Map<String, DrillRecord> records = new LinkedHashMap<>();
    /** Concurrent: the workflow's watcher wakes the runs under the workflow's lock, so it must not take ours. */
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, DrillReport> past = new LinkedHashMap<>();
    /** Volatile, not guarded: records save from under their own lock, which must never wait for ours. */
    private volatile DrillStore store;

    private record Running(DrillRecord record, DrillPlan plan, DrillRun run) {}

    /**
     * @param auditLog          where drill events are audited; null when the backend keeps no log
     * @param expectedExecution how long the platform's failover execution is expected to take (decision target)
     */
    public Drills(Platform platform, FailoverWorkflow workflow, TelemetryHub hub, AuditLog auditLog,
                  Identities identities, Duration expectedExecution, Clock clock, LongSupplier wallNanos) {
        this.platform = platform;
        this.workflow = workflow;
        this.hub = hub;
        this.audit = new DrillAudit(auditLog);
        this.identities = identities;
        this.expectedExecution = expectedExecution;
        this.clock = clock;
        this.wallNanos = wallNanos;
        this.unwatch = workflow.watch(p -> wakeAll());
    }

    /**
     * Keeps every drill's record in {@code directory} from now on. Drills found there that were still running
     * (the backend stopped without ending them) are marked interrupted, and the faults they declared are lifted
     * again, which is harmless when they are gone.
     */
    public synchronized void keepRecordsIn(Path directory) throws IOException {
        store = new DrillStore(directory);
        for (var report : store.loadAll()) {
            var r = report;
            if (r.getState() == DrillState.DRILL_STATE_RUNNING) {
                r = interrupted(r);
                store.save(r);
            }
            if (!records.containsKey(r.getId())) {
                past.put(r.getId(), r);
            }
        }
        for (var record : records.values()) {
            store.save(record.snapshot());
        }
    }

    private DrillReport interrupted(DrillReport r) {
        var now = clock.instant();
        var lifted = new ArrayList<String>();
        var faults = platform.drillFaults();
        for (var code : r.getFaultCodesList()) {
            var fault = FaultCodes.decode(code);
            if (fault.isPresent() && faults.isPresent()) {
                lifted.add(faults.get().lift(fault.get()));
            } else {
                lifted.add("'" + code + "' could not be lifted by this backend: check the platform");
            }
        }
        var running = r.getStepsList().stream().filter(s -> s.getStatus() == StepStatus.STEP_STATUS_RUNNING
                || s.getStatus() == StepStatus.STEP_STATUS_WAITING).map(DrillStep::getId).findFirst().orElse("");
        var detail = "the backend restarted at " + now + " while the drill ran"
                + (running.isEmpty() ? "" : " (step '" + running + "')") + "; on restart Meridian lifted what the "
                + "drill declared: " + String.join("; ", lifted) + ". Figures measured before the restart are kept; "
                + "the rest were never taken.";
        var b = r.toBuilder().setState(DrillState.DRILL_STATE_INTERRUPTED).setStateDetail(detail)
                .setEndedAt(ProtoTime.timestamp(now)).setOutcome(DrillOutcome.DRILL_OUTCOME_INCOMPLETE)
                .addTimeline(TimelineEvent.newBuilder().setAt(ProtoTime.timestamp(now))
                        .setKind(TimelineKind.TIMELINE_KIND_INTERRUPTED).setDetail(detail));
        for (int i = 0; i < b.getStepsCount(); i++) {
            var status = b.getSteps(i).getStatus();
            if (status != StepStatus.STEP_STATUS_PASSED && status != StepStatus.STEP_STATUS_FAILED) {
                b.setSteps(i, b.getSteps(i).toBuilder().setStatus(StepStatus.STEP_STATUS_SKIPPED));
            }
        }
        return b.build();
    }

    /** The drill that declared an outage of this replica's region, or "" when none did. */
    public synchronized String drillOf(Replica replica) {
        for (var r : running.values()) {
            for (var fault : r.plan().faults()) {
                if (fault instanceof DrillFault.RegionOutage o && o.regionId().equals(replica.regionId())) {
                    return r.record().id();
                }
            }
        }
        return "";
    }

    public DrillReport start(Caller caller, StartDrillRequest request) {
        var topology = platform.topology();
        var plan = plan(request, topology);
        var faults = platform.drillFaults().orElseThrow(() -> Status.FAILED_PRECONDITION.withDescription(
                "the platform '" + platform.info().displayName() + "' offers no fault injection, so it cannot run "
                        + "drills").asRuntimeException());
        for (var region : plan.regions()) {
            if (topology.region(region).isEmpty()) {
                throw Status.INVALID_ARGUMENT.withDescription("no region '" + region + "' on this platform (regions: "
                        + String.join(", ", topology.regions().stream().map(r -> r.id()).toList()) + ")")
                        .asRuntimeException();
            }
        }
        var targets = DrillTargets.of(topology, plan.regions().getFirst(), expectedExecution);
        var steps = steps(plan, caller, request.getParametersMap());
        synchronized (this) {
            for (var region : plan.regions()) {
                for (var other : running.values()) {
                    if (other.plan().regions().contains(region)) {
                        var o = other.record().snapshot();
                        throw Status.FAILED_PRECONDITION.withDescription("region " + region + " is already in drill "
                                + o.getId() + " (" + o.getTitle() + ", started by " + o.getStartedBy()
                                + "): abort it or wait for it to end").asRuntimeException();
                    }
                }
                failing(topology, region);
            }
            var id = UUID.randomUUID().toString();
            var now = clock.instant();
            var initial = DrillReport.newBuilder().setId(id).setType(plan.type()).setTitle(plan.title())
                    .addAllTargets(plan.regions()).setState(DrillState.DRILL_STATE_RUNNING)
                    .setStartedBy(caller.identity()).setStartedAt(ProtoTime.timestamp(now))
                    .addAllSteps(steps).setRunbookName(plan.runbookName()).setAudit(audit.initial())
                    .setOutcome(DrillOutcome.DRILL_OUTCOME_PENDING)
                    .addAllDeclaredFaults(plan.faults().stream().map(DrillFault::describe).toList())
                    .addAllFaultCodes(plan.faults().stream().map(FaultCodes::encode).toList()).build();
            boolean failover = plan.faults().stream().anyMatch(f -> f instanceof DrillFault.RegionOutage);
            var record = new DrillRecord(initial, clock, wallNanos, targets, failover, audit, this::saved);
            var signals = new Signals(platform::topology, hub::latest);
            var run = new DrillRun(record, plan, faults, workflow::list, signals, clock, () -> ended(id));
            records.put(id, record);
            running.put(id, new Running(record, plan, run));
            record.event(TimelineEvent.newBuilder().setKind(TimelineKind.TIMELINE_KIND_DRILL_STARTED)
                    .setActor(caller.identity()).setDetail("started by " + caller.identity() + ": " + plan.title()
                            + " (declares " + String.join("; ", initial.getDeclaredFaultsList()) + ")"), now);
            Thread.ofVirtual().name("meridian-drill-" + id).start(run);
            return record.snapshot();
        }
    }

    private DrillPlan plan(StartDrillRequest request, Topology topology) {
        if (request.getType() != DrillType.DRILL_TYPE_RUNBOOK) {
            if (!request.getRunbookName().isEmpty() || !request.getRunbookText().isEmpty()) {
                throw Status.INVALID_ARGUMENT.withDescription("a runbook belongs to a drill of type runbook")
                        .asRuntimeException();
            }
            return BuiltInPlans.of(request.getType(), request.getTargetsList(), request.getParametersMap(), topology);
        }
        if (request.getTargetsCount() > 0) {
            throw Status.INVALID_ARGUMENT.withDescription("a runbook names its own regions; give no targets")
                    .asRuntimeException();
        }
        for (var name : request.getParametersMap().keySet()) {
            if (!name.startsWith("confirm.")) {
                throw Status.INVALID_ARGUMENT.withDescription("unknown parameter '" + name + "' for a runbook (it "
                        + "takes confirm.<role> = the identity who confirms that role's manual steps)")
                        .asRuntimeException();
            }
        }
        var name = request.getRunbookName();
        var text = request.getRunbookText();
        if (text.isEmpty()) {
            text = ShippedRunbooks.text(name).orElseThrow(() -> Status.INVALID_ARGUMENT.withDescription(
                    name.isEmpty() ? "a runbook drill needs the runbook file's text or the name of a shipped one ("
                            + String.join(", ", ShippedRunbooks.NAMES) + ")"
                            : "no shipped runbook '" + name + "' (shipped: " + String.join(", ",
                            ShippedRunbooks.NAMES) + "); send the file's text to run your own")
                    .asRuntimeException());
        }
        RunbookParser.Runbook runbook;
        try {
            runbook = RunbookParser.parse(name.isEmpty() ? "runbook" : name, text);
        } catch (RunbookException e) {
            throw Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
        }
        var scenario = platform.info().scenarioName();
        if (!runbook.scenario().equals(scenario)) {
            throw Status.FAILED_PRECONDITION.withDescription("runbook " + runbook.plan().runbookName()
                    + " was written for " + runbook.scenario() + ", but this platform runs " + scenario)
                    .asRuntimeException();
        }
        return runbook.plan();
    }

    /** The plan's steps as the report shows them, manual steps bound to the person who must confirm them. */
    private static List<DrillStep> steps(DrillPlan plan, Caller caller, Map<String, String> parameters) {
        var steps = new ArrayList<DrillStep>();
        for (var step : plan.steps()) {
            var b = DrillStep.newBuilder().setId(step.id()).setTitle(step.title())
                    .setStatus(StepStatus.STEP_STATUS_PENDING);
            switch (step) {
                case PlanStep.Manual m -> b.setKind(StepKind.STEP_KIND_MANUAL).setInstruction(m.instruction())
                        .setConfirmBy(person(m, caller, parameters));
                case PlanStep.Inject in -> b.setKind(StepKind.STEP_KIND_INJECT).setInstruction("Meridian injects "
                        + in.fault().describe() + (in.lastsFor() == null ? " until cleanup"
                        : " for " + Durations.words(in.lastsFor())));
                case PlanStep.Expect e -> b.setKind(StepKind.STEP_KIND_EXPECT).setInstruction(expectation(e));
                case PlanStep.Cleanup c -> b.setKind(StepKind.STEP_KIND_CLEANUP).setInstruction(c.instruction());
            }
            steps.add(b.build());
        }
        return steps;
    }

    private static String expectation(PlanStep.Expect e) {
        var what = switch (e.outcome()) {
            case DETECTED -> "Watch: the platform should notice the fault on its own.";
            case DECIDED -> "Decide: approve or reject each failover proposal marked DRILL on the Failover screen.";
            case RECOVERED -> "Watch: the approved failovers run; the platform should heal.";
            case CONSISTENT -> "Watch: the consistency check after failover should pass.";
        };
        return what + (e.within() == null ? "" : " Within " + Durations.words(e.within()) + " of the fault.");
    }

    private static String person(PlanStep.Manual m, Caller caller, Map<String, String> parameters) {
        var named = parameters.get("confirm." + m.confirmBy());
        if (named != null && !named.isBlank()) {
            return named;
        }
        boolean role = Arrays.stream(Role.values()).anyMatch(r -> r.label().equals(m.confirmBy()));
        if (!role) {
            return m.confirmBy();
        }
        if (m.confirmBy().equals(Role.INCIDENT_COMMANDER.label())) {
            return caller.identity();
        }
        throw Status.INVALID_ARGUMENT.withDescription("step '" + m.id() + "' waits for a " + m.confirmBy()
                + ": name who with the parameter confirm." + m.confirmBy() + "=<identity>").asRuntimeException();
    }

    /** Refuses a region where something is already failing: a drill there would mix with a real incident. */
    private void failing(Topology topology, String region) {
        for (var cluster : topology.clusters()) {
            for (var replica : cluster.replicas()) {
                if (replica.regionId().equals(region) && replica.health() == Health.FAILED) {
                    throw Status.FAILED_PRECONDITION.withDescription("region " + region + " is already failing: "
                            + replica.id() + " has been FAILED since " + replica.healthSince() + " ("
                            + replica.healthDetail() + "); a drill now would mix with a real incident")
                            .asRuntimeException();
                }
            }
        }
        for (var p : workflow.list()) {
            boolean active = p.getState() == ProposalState.PROPOSAL_STATE_OPEN
                    || p.getState() == ProposalState.PROPOSAL_STATE_EXECUTING;
            if (active && p.getDrillId().isEmpty() && regionOf(topology, p).equals(region)) {
                throw Status.FAILED_PRECONDITION.withDescription("region " + region + " has a failover in progress ("
                        + p.getClusterId() + ", proposal " + p.getId() + "): finish it before drilling there")
                        .asRuntimeException();
            }
        }
    }

    private static String regionOf(Topology topology, Proposal p) {
        return topology.replica(p.getOldPrimaryId()).map(Replica::regionId).orElse("");
    }

    public DrillReport abort(Caller caller, AbortDrillRequest request) {
        if (request.getReason().isBlank()) {
            throw Status.INVALID_ARGUMENT.withDescription("a reason is required to abort a drill").asRuntimeException();
        }
        Running r;
        synchronized (this) {
            r = running.get(request.getDrillId());
            if (r == null) {
                var report = get(request.getDrillId());
                throw Status.FAILED_PRECONDITION.withDescription("drill " + report.getId() + " already ended ("
                        + state(report.getState()) + "): nothing to abort").asRuntimeException();
            }
        }
        // A run ends its record before it leaves the running set; one that is ending or aborted refuses.
        if (!r.run().abort(new DrillRun.Abort(caller.identity(), request.getReason()))) {
            throw Status.FAILED_PRECONDITION.withDescription("drill " + request.getDrillId() + " already ended "
                    + "or is ending: nothing to abort").asRuntimeException();
        }
        return r.record().snapshot();
    }

    public DrillReport confirm(Caller caller, String drillId, String stepId, String note) {
        if (note.isBlank()) {
            throw Status.INVALID_ARGUMENT.withDescription("a note is required: say what you saw or did")
                    .asRuntimeException();
        }
        Running r;
        synchronized (this) {
            r = running.get(drillId);
        }
        if (r == null) {
            throw Status.FAILED_PRECONDITION.withDescription("drill " + drillId + " is not running")
                    .asRuntimeException();
        }
        var step = r.record().snapshot().getStepsList().stream().filter(s -> s.getId().equals(stepId)).findFirst()
                .orElseThrow(() -> Status.NOT_FOUND.withDescription("drill " + drillId + " has no step '" + stepId
                        + "'").asRuntimeException());
        if (step.getStatus() != StepStatus.STEP_STATUS_WAITING) {
            throw Status.FAILED_PRECONDITION.withDescription("step '" + stepId + "' is not waiting for a "
                    + "confirmation (it is " + state(step.getStatus()) + ")").asRuntimeException();
        }
        if (!step.getConfirmBy().equals(caller.identity())) {
            throw Status.PERMISSION_DENIED.withDescription("step '" + stepId + "' waits for " + step.getConfirmBy()
                    + ", not " + caller.identity()).asRuntimeException();
        }
        var who = identities.find(caller.identity()).map(i -> i.displayName() + " (" + i.id() + ")")
                .orElse(caller.identity());
        r.run().confirm(stepId, new DrillRun.Confirmation(who, note));
        return r.record().snapshot();
    }

    public synchronized DrillReport get(String id) {
        var record = records.get(id);
        if (record != null) {
            return record.snapshot();
        }
        var report = past.get(id);
        if (report == null) {
            throw Status.NOT_FOUND.withDescription("no drill '" + id + "'").asRuntimeException();
        }
        return report;
    }

    /** Every drill, newest first. */
    public synchronized List<DrillReport> list() {
        var all = new ArrayList<DrillReport>(past.values());
        records.values().forEach(r -> all.add(r.snapshot()));
        all.sort(Comparator.comparing((DrillReport r) -> ProtoTime.instant(r.getStartedAt())).reversed());
        return all;
    }

    /** Watches one drill; a drill that ended (or one from before a restart) gets its report once. */
    synchronized Runnable watch(String id, DrillRecord.Watcher watcher) {
        var record = records.get(id);
        if (record == null) {
            var report = get(id);
            watcher.changed(report, report.getTimelineList(), true);
            return () -> { };
        }
        return record.watch(watcher);
    }

    private void saved(DrillReport report) {
        var s = store;
        if (s != null) {
            s.save(report);
        }
    }

    private synchronized void ended(String id) {
        running.remove(id);
    }

    private void wakeAll() {
        running.values().forEach(r -> r.run().wake());
    }

    private static String state(Enum<?> e) {
        var name = e.name();
        return name.substring(name.indexOf('_', name.indexOf('_') + 1) + 1).toLowerCase().replace('_', ' ');
    }

    /** Lifts the faults of every running drill and ends them as interrupted (the backend is stopping). */
    @Override
    public void close() {
        unwatch.run();
        List<Running> all;
        synchronized (this) {
            all = List.copyOf(running.values());
        }
        all.forEach(r -> r.run().stop());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (var r : all) {
            while (r.record().snapshot().getState() == DrillState.DRILL_STATE_RUNNING
                    && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
