package io.meridian.server.drill;

import io.meridian.api.v1.Proposal;
import io.meridian.api.v1.ProposalState;
import io.meridian.api.v1.StepStatus;
import io.meridian.api.v1.TimelineEvent;
import io.meridian.api.v1.TimelineKind;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.server.platform.DrillFault;
import io.meridian.server.platform.DrillFaults;
import io.meridian.server.platform.PlatformActionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Carries out one drill's plan on its own thread, step by step. Expect steps that fail are recorded and the drill
 * goes on, so one cluster that cannot recover does not hide the figures of the others; an injection the platform
 * refuses ends the drill. Whatever happens (failure, abort, the backend stopping), the faults it injected are
 * lifted before it ends, and an execution already running is followed to its end so the report can say how it
 * ended. Timed faults are lifted when their time is up, whatever step is running.
 */
final class DrillRun implements Runnable {
    /** How often the run looks again when nothing woke it (real time). */
    private static final long POLL_MILLIS = 50;
    /** How long cleanup waits for the drill's proposals to close and executions to finish (wall clock). */
    static final Duration SETTLE = Duration.ofSeconds(20);

    private record Active(DrillFault fault, Instant until) {}

    record Abort(String who, String reason) {}

    record Confirmation(String who, String note) {}

    private final DrillRecord record;
    private final DrillPlan plan;
    private final DrillFaults faults;
    private final Supplier<List<Proposal>> proposals;
    private final Signals signals;
    private final Clock clock;
    private final ProposalTracker tracker;
    private final BlockingQueue<Boolean> wake = new LinkedBlockingQueue<>();
    private final Map<String, Confirmation> confirmations = new ConcurrentHashMap<>();
    private final List<Active> active = new ArrayList<>();
    private final Runnable onEnd;
    private volatile Abort abort;
    private volatile List<String> executingAtAbort = List.of();
    private volatile boolean stopping;
    private boolean ending;
    private volatile Thread thread;
    private Instant injectedAt;
    private Instant liftedAt;
    private DrillFault lastFault;

    DrillRun(DrillRecord record, DrillPlan plan, DrillFaults faults, Supplier<List<Proposal>> proposals,
             Signals signals, Clock clock, Runnable onEnd) {
        this.record = record;
        this.plan = plan;
        this.faults = faults;
        this.proposals = proposals;
        this.signals = signals;
        this.clock = clock;
        this.tracker = new ProposalTracker(record.id(), record);
        this.onEnd = onEnd;
    }

    /** Something the run waits for may have changed (a proposal, a confirmation). */
    void wake() {
        wake.offer(Boolean.TRUE);
    }

    void confirm(String stepId, Confirmation confirmation) {
        confirmations.put(stepId, confirmation);
        wake();
    }

    /** Asks the run to stop and lift its faults; false when an abort was asked for already. */
    synchronized boolean abort(Abort why) {
        if (abort != null || ending) {
            return false;
        }
        // What was executing when the abort came, seen now: by the time cleanup runs it may have finished.
        executingAtAbort = proposals.get().stream().filter(p -> p.getDrillId().equals(record.id())
                && p.getState() == ProposalState.PROPOSAL_STATE_EXECUTING).map(Proposal::getClusterId).toList();
        abort = why;
        record.event(TimelineEvent.newBuilder().setKind(TimelineKind.TIMELINE_KIND_ABORTED).setActor(why.who())
                .setDetail("aborted by " + why.who() + ": " + why.reason()), clock.instant());
        interrupt();
        return true;
    }

    /** From here on the run cleans up with what it knows: a later abort is refused, not half-applied. */
    private synchronized void beginEnding() {
        ending = true;
    }

    /** The backend stops: lift and end as interrupted. */
    void stop() {
        stopping = true;
        interrupt();
    }

    private void interrupt() {
        var t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        String failure = null;
        try {
            for (int i = 0; i < plan.steps().size() && abort == null && !stopping; i++) {
                var step = plan.steps().get(i);
                if (step instanceof PlanStep.Cleanup) {
                    break;
                }
                status(i, StepStatus.STEP_STATUS_RUNNING, "");
                var result = switch (step) {
                    case PlanStep.Manual m -> manual(i, m);
                    case PlanStep.Inject in -> inject(in);
                    case PlanStep.Expect e -> expect(e);
                    case PlanStep.Cleanup c -> throw new IllegalStateException("cleanup runs last");
                };
                finishStep(i, step, result);
                if (step instanceof PlanStep.Inject && !result.passed()) {
                    failure = "the platform refused step '" + step.id() + "': " + result.detail();
                    break;
                }
            }
        } catch (InterruptedException e) {
            // Aborted or stopping: cleanup below.
        } catch (RuntimeException e) {
            failure = "the drill runner failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            System.getLogger(DrillRun.class.getName()).log(System.Logger.Level.ERROR, "drill " + record.id(), e);
        }
        Thread.interrupted();
        beginEnding();
        try {
            end(failure);
        } finally {
            onEnd.run();
        }
    }

    private record Result(boolean passed, String detail) {
        static Result pass(String detail) {
            return new Result(true, detail);
        }

        static Result fail(String detail) {
            return new Result(false, detail);
        }
    }

    private Result manual(int index, PlanStep.Manual m) throws InterruptedException {
        var person = record.current().getSteps(index).getConfirmBy();
        record.update(b -> b.setSteps(index, b.getSteps(index).toBuilder().setStatus(StepStatus.STEP_STATUS_WAITING)));
        event(TimelineKind.TIMELINE_KIND_STEP_WAITING, clock.instant(), "", m.id(),
                "waits for " + person + ": " + m.instruction());
        while (true) {
            var confirmation = confirmations.get(m.id());
            if (confirmation != null) {
                event(TimelineKind.TIMELINE_KIND_STEP_CONFIRMED, clock.instant(), confirmation.who(), m.id(),
                        "confirmed by " + confirmation.who() + ": " + confirmation.note());
                record.update(b -> b.setSteps(index, b.getSteps(index).toBuilder()
                        .setConfirmedBy(confirmation.who())));
                return Result.pass("confirmed by " + confirmation.who() + ": " + confirmation.note());
            }
            tick();
        }
    }

    private Result inject(PlanStep.Inject in) {
        String description;
        try {
            description = faults.inject(in.fault());
        } catch (PlatformActionException | RuntimeException e) {
            return Result.fail(e.getMessage());
        }
        injectedAt = clock.instant();
        lastFault = in.fault();
        liftedAt = null;
        active.add(new Active(in.fault(), in.lastsFor() == null ? null : injectedAt.plus(in.lastsFor())));
        event(TimelineKind.TIMELINE_KIND_FAULT_INJECTED, injectedAt, "", in.id(), description
                + (in.lastsFor() == null ? "; lasts until cleanup" : "; lasts " + Durations.words(in.lastsFor())));
        return Result.pass(description);
    }

    private Result expect(PlanStep.Expect e) throws InterruptedException {
        var deadline = injectedAt.plus(e.within() != null ? e.within() : defaultWithin(e.outcome()));
        while (true) {
            tick();
            var outcome = check(e.outcome());
            if (outcome.isPresent()) {
                return outcome.get();
            }
            if (clock.instant().isAfter(deadline)) {
                return Result.fail("not " + e.outcome().word() + " within "
                        + Durations.words(Duration.between(injectedAt, deadline)) + " of the fault");
            }
        }
    }

    private Duration defaultWithin(PlanStep.Outcome outcome) {
        var t = record.targets();
        return switch (outcome) {
            case DETECTED -> max(t.detection().multipliedBy(10), Duration.ofMinutes(2));
            case DECIDED -> t.rto().multipliedBy(2);
            case RECOVERED, CONSISTENT -> t.rto().multipliedBy(3);
        };
    }

    private Optional<Result> check(PlanStep.Outcome outcome) {
        boolean failover = lastFault instanceof DrillFault.RegionOutage;
        var all = tracker.proposals();
        return switch (outcome) {
            case DETECTED -> failover
                    ? tracker.any() ? Optional.of(Result.pass("failover proposal(s) opened for " + clusters(all)))
                    : Optional.empty()
                    : signals.detected(lastFault, injectedAt, clock.instant()).map(s -> {
                        record.event(TimelineEvent.newBuilder().setKind(TimelineKind.TIMELINE_KIND_DETECTED)
                                .setSubject(s.subject()).setDetail(s.detail())
                                .setValue(ProtoTime.duration(s.value())), s.at());
                        return Result.pass(s.detail());
                    });
            case DECIDED -> {
                if (!failover) {
                    yield Optional.of(Result.pass("no failover to decide: this fault is not expected to cause one"));
                }
                if (!tracker.any()) {
                    yield Optional.of(Result.fail("nothing to decide: no failover proposal was opened"));
                }
                if (!all.stream().allMatch(p -> ProposalTracker.decided(p) || ProposalTracker.blocked(p))) {
                    yield Optional.empty();
                }
                yield Optional.of(all.stream().anyMatch(ProposalTracker::blocked)
                        ? Result.fail(summary(all)) : Result.pass(summary(all)));
            }
            case RECOVERED -> failover ? recoveredByFailover(all) : healed();
            case CONSISTENT -> {
                if (!failover) {
                    yield Optional.of(Result.pass("no failover ran: the data never moved"));
                }
                var checked = all.stream().filter(p -> p.getState() == ProposalState.PROPOSAL_STATE_SUCCEEDED)
                        .map(p -> p.getClusterId() + ": " + p.getPhases(p.getPhasesCount() - 1).getDetail()).toList();
                yield Optional.of(checked.isEmpty() ? Result.fail("no failover completed: nothing was checked")
                        : Result.pass(String.join("; ", checked)));
            }
        };
    }

    private Optional<Result> recoveredByFailover(java.util.Collection<Proposal> all) {
        if (!tracker.any()) {
            return Optional.of(Result.fail("nothing recovered: no failover proposal was opened"));
        }
        if (!all.stream().allMatch(p -> ProposalTracker.finished(p) || ProposalTracker.blocked(p))) {
            return Optional.empty();
        }
        boolean every = all.stream().allMatch(p -> p.getState() == ProposalState.PROPOSAL_STATE_SUCCEEDED);
        return Optional.of(every ? Result.pass(summary(all)) : Result.fail(summary(all)));
    }

    private Optional<Result> healed() {
        if (liftedAt == null) {
            return Optional.empty();
        }
        return signals.healed(lastFault, liftedAt).map(s -> {
            record.event(TimelineEvent.newBuilder().setKind(TimelineKind.TIMELINE_KIND_RECOVERED)
                    .setSubject(s.subject()).setDetail(s.detail()), s.at());
            return Result.pass(s.detail());
        });
    }

    /** One line per proposal: where it stands. */
    private static String summary(java.util.Collection<Proposal> all) {
        return all.stream().map(p -> p.getClusterId() + ": " + (ProposalTracker.blocked(p)
                ? "cannot be approved, " + p.getDryRun().getRankingReason()
                : p.getState().name().replace("PROPOSAL_STATE_", "").toLowerCase()
                + (p.getStateDetail().isEmpty() ? "" : " (" + p.getStateDetail() + ")")))
                .collect(Collectors.joining("; "));
    }

    private static String clusters(java.util.Collection<Proposal> all) {
        return all.stream().map(Proposal::getClusterId).collect(Collectors.joining(", "));
    }

    /** Follows the proposals, lifts timed faults whose time is up, then waits a little or until woken. */
    private void tick() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        tracker.observe(proposals.get());
        var now = clock.instant();
        for (var it = active.iterator(); it.hasNext(); ) {
            var a = it.next();
            if (a.until() != null && !now.isBefore(a.until())) {
                it.remove();
                lift(a.fault(), "its time is up");
            }
        }
        wake.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void lift(DrillFault fault, String why) {
        String what;
        try {
            what = faults.lift(fault);
        } catch (RuntimeException e) {
            what = "lifting " + fault.describe() + " failed: " + e.getMessage();
        }
        liftedAt = clock.instant();
        event(TimelineKind.TIMELINE_KIND_FAULT_LIFTED, liftedAt, "", "", what + " (" + why + ")");
    }

    private void end(String failure) {
        int cleanup = plan.steps().size() - 1;
        status(cleanup, StepStatus.STEP_STATUS_RUNNING, "");
        var why = abort != null ? "aborted" : stopping ? "the backend is stopping" : "cleanup";
        for (var a : List.copyOf(active)) {
            lift(a.fault(), why);
        }
        active.clear();
        var executing = executingAtAbort;
        var settled = settle();
        var lifted = plan.faults().stream().map(DrillFault::describe).collect(Collectors.joining("; "));
        var cleanupDetail = "lifted: " + lifted + (settled.isEmpty() ? "; every proposal of the drill closed"
                : "; still open after " + Durations.words(SETTLE) + ": " + settled);
        status(cleanup, StepStatus.STEP_STATUS_PASSED, cleanupDetail);
        event(TimelineKind.TIMELINE_KIND_STEP_PASSED, clock.instant(), "", plan.steps().get(cleanup).id(),
                cleanupDetail);
        if (abort != null) {
            var detail = "aborted by " + abort.who() + ": " + abort.reason() + (executing.isEmpty() ? ""
                    : "; the failover of " + String.join(", ", executing) + " was executing and was left to finish "
                    + "(stopping between fence and promote would leave no primary): " + summary(
                    tracker.proposals().stream().filter(p -> executing.contains(p.getClusterId())).toList()));
            record.end(io.meridian.api.v1.DrillState.DRILL_STATE_ABORTED, detail);
        } else if (stopping) {
            record.event(TimelineEvent.newBuilder().setKind(TimelineKind.TIMELINE_KIND_INTERRUPTED)
                    .setDetail("the backend stopped during the drill; its faults were lifted"), clock.instant());
            record.end(io.meridian.api.v1.DrillState.DRILL_STATE_INTERRUPTED,
                    "the backend stopped during the drill; its faults were lifted before it stopped");
        } else if (failure != null) {
            record.end(io.meridian.api.v1.DrillState.DRILL_STATE_FAILED, failure);
        } else {
            record.end(io.meridian.api.v1.DrillState.DRILL_STATE_COMPLETED, "every step ran");
        }
    }

    /** Follows the drill's proposals until none is open or executing, for a bounded wall time; returns what is not. */
    private String settle() {
        long deadline = System.nanoTime() + (stopping ? 0 : SETTLE.toNanos());
        while (true) {
            tracker.observe(proposals.get());
            var open = tracker.proposals().stream().filter(p -> !ProposalTracker.finished(p))
                    .map(p -> p.getClusterId() + " " + p.getState().name().replace("PROPOSAL_STATE_", "")
                            .toLowerCase()).toList();
            if (open.isEmpty() || System.nanoTime() > deadline) {
                return String.join(", ", open);
            }
            try {
                wake.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return String.join(", ", open);
            }
        }
    }

    private void finishStep(int index, PlanStep step, Result result) {
        status(index, result.passed() ? StepStatus.STEP_STATUS_PASSED : StepStatus.STEP_STATUS_FAILED,
                result.detail());
        event(result.passed() ? TimelineKind.TIMELINE_KIND_STEP_PASSED : TimelineKind.TIMELINE_KIND_STEP_FAILED,
                clock.instant(), "", step.id(), step.title() + ": " + result.detail());
    }

    private void status(int index, StepStatus status, String detail) {
        var now = ProtoTime.timestamp(clock.instant());
        record.update(b -> {
            var s = b.getSteps(index).toBuilder().setStatus(status);
            if (status == StepStatus.STEP_STATUS_RUNNING) {
                s.setStartedAt(now);
            } else {
                s.setFinishedAt(now).setDetail(detail);
            }
            return b.setSteps(index, s);
        });
    }

    private void event(TimelineKind kind, Instant at, String actor, String stepId, String detail) {
        record.event(TimelineEvent.newBuilder().setKind(kind).setActor(actor).setStepId(stepId).setDetail(detail),
                at);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
