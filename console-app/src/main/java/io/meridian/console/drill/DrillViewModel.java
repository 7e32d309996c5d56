package io.meridian.console.drill;

import io.meridian.client.BackendException;
import io.meridian.client.DrillClient;
import io.meridian.client.DrillWatch;
import io.meridian.client.StreamStatus;
import io.meridian.console.tasks.Background;
import io.meridian.model.drill.Drill;
import io.meridian.model.drill.DrillOutcome;
import io.meridian.model.drill.DrillRequest;
import io.meridian.model.drill.DrillState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The incident commander's drill screen: the drill being followed (the one started here, or any drill running on
 * the backend, so every console enters drill mode), its clocks, steps and timeline, and the commands (start, abort,
 * confirm a manual step, export the report). Backend calls go through {@link Background}; the watch delivers on a
 * gRPC thread into a latest-wins slot that {@link #pulse} copies on the FX thread, never one runLater per event.
 */
public final class DrillViewModel implements AutoCloseable {
    /** How often the screen asks the backend whether some drill runs, when it follows none. */
    static final Duration LOOK_EVERY = Duration.ofSeconds(3);
    /** The backend refuses runbooks over 256 KiB; a bigger file is not read at all. */
    static final long MAX_RUNBOOK_BYTES = 256 * 1024;

    private record Received(Drill drill, Instant at) {}

    // Properties
    private final ReadOnlyObjectWrapper<Drill> drill = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("No drill is running");
    private final ReadOnlyObjectWrapper<DrillOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper currentStep = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<Set<String>> drilledRegions = new ReadOnlyObjectWrapper<>(Set.of());
    private final ObservableList<ClockFigure> clocks = FXCollections.observableArrayList();
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
    private final ObservableList<MeasureRow> measures = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper decisions = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper auditText = new ReadOnlyStringWrapper("");
    // Read-only views made once: a view made per call would be collected with the listeners added to it.
    private final ObservableList<ClockFigure> clocksView = FXCollections.unmodifiableObservableList(clocks);
    private final ObservableList<StepRow> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<TimelineRow> timelineView = FXCollections.unmodifiableObservableList(timeline);
    private final ObservableList<MeasureRow> measuresView = FXCollections.unmodifiableObservableList(measures);

    private final DrillClient client;
    private final Background background;
    private final Clock clock;
    private final DrillExports exports;
    private final AtomicReference<Received> latest = new AtomicReference<>();
    /** Set by the watch when the backend no longer knows the drill (it restarted without its records). */
    private final AtomicReference<String> lost = new AtomicReference<>();
    private Received shown;
    private DrillWatch watch;
    private Instant lastLook = Instant.MIN;
    private boolean looking;

    public DrillViewModel(DrillClient client, Background background, Clock clock, DrillExports exports) {
        this.client = client;
        this.background = background;
        this.clock = clock;
        this.exports = exports;
    }

    public ReadOnlyObjectProperty<Drill> drillProperty() {
        return drill.getReadOnlyProperty();
    }

    /** True while the followed drill runs: drill mode, on every screen. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /**
     * The regions the followed drill declared as its targets, while it runs; empty otherwise. Every screen marks
     * them (the map, the region list), so that an operator sees which faults are rehearsed.
     */
    public ReadOnlyObjectProperty<Set<String>> drilledRegionsProperty() {
        return drilledRegions.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last refusal or result, in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The drill-mode banner's text, empty outside drill mode. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** The followed drill's outcome, PENDING while it runs, null before there is one. */
    public ReadOnlyObjectProperty<DrillOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The index of the step that runs or waits for its person, -1 when none does. */
    public ReadOnlyIntegerProperty currentStepProperty() {
        return currentStep.getReadOnlyProperty();
    }

    public ObservableList<ClockFigure> clocks() {
        return clocksView;
    }

    public ObservableList<StepRow> steps() {
        return stepsView;
    }

    public ObservableList<TimelineRow> timeline() {
        return timelineView;
    }

    /** The report's measures against their targets. */
    public ObservableList<MeasureRow> measures() {
        return measuresView;
    }

    /** Who decided what, one line per decision. */
    public ReadOnlyStringProperty decisionsProperty() {
        return decisions.getReadOnlyProperty();
    }

    /** Where the drill's record is in the audit log. */
    public ReadOnlyStringProperty auditProperty() {
        return auditText.getReadOnlyProperty();
    }

    // Commands

    public void start(DrillRequest request) {
        call(() -> client.start(request), started -> {
            message.set("Drill started: " + started.title());
            follow(started);
        });
    }

    /**
     * Starts a runbook from a file: read here (off the FX thread, at most {@link #MAX_RUNBOOK_BYTES}) and checked by
     * the backend, whose refusal names the file, the line and the step.
     */
    public void startRunbook(Path file) {
        call(() -> client.start(new DrillRequest(io.meridian.model.drill.DrillType.RUNBOOK, java.util.List.of(),
                java.util.Map.of(), file.getFileName().toString(), read(file))), started -> {
            message.set("Runbook started: " + started.title());
            follow(started);
        });
    }

    private static String read(Path file) throws BackendException {
        try {
            if (java.nio.file.Files.size(file) > MAX_RUNBOOK_BYTES) {
                throw new BackendException(BackendException.Kind.FAILED, file + " is larger than "
                        + MAX_RUNBOOK_BYTES / 1024 + " KiB: not a runbook", null);
            }
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new BackendException(BackendException.Kind.FAILED, "cannot read the runbook " + file + ": "
                    + e.getMessage(), e);
        }
    }

    public void abort(String reason) {
        var d = drill.get();
        if (d == null || d.state().ended()) {
            return;
        }
        call(() -> client.abort(d.id(), reason), aborted -> message.set("Abort requested: the platform is being "
                + "restored"));
    }

    public void confirm(String stepId, String note) {
        var d = drill.get();
        if (d == null) {
            return;
        }
        call(() -> client.confirmStep(d.id(), stepId, note), confirmed -> message.set("Step '" + stepId
                + "' confirmed"));
    }

    public void exportJson(Path file) {
        export(file, "JSON", () -> exports.json(drill.get(), file));
    }

    public void exportPdf(Path file) {
        export(file, "PDF", () -> exports.pdf(drill.get(), file));
    }

    /** On the FX thread, once per pulse: show what the watch delivered, move the clocks, look for drills. */
    public void pulse(Instant now) {
        var received = latest.get();
        if (received != null && received != shown) {
            shown = received;
            show(received.drill());
        }
        var gone = lost.getAndSet(null);
        if (gone != null && active.get()) {
            forget(gone);
        }
        if (shown != null) {
            var d = shown.drill();
            var elapsed = Duration.between(shown.at(), now);
            var platformNow = d.startedAt().plus(d.platformElapsed())
                    .plusNanos(d.state().ended() ? 0 : Math.round(elapsed.toNanos() * d.speed()));
            clocks.setAll(DrillClocks.at(d, platformNow));
            if (active.get()) {
                banner.set("DRILL IN PROGRESS · " + d.title() + " · " + DrillText.offset(d.startedAt(), platformNow)
                        + (d.speed() > 1.05 ? " · simulated " + DrillText.speed(d.speed()) : "")
                        + " · NOT A REAL INCIDENT");
            }
        }
        boolean following = shown != null && !shown.drill().state().ended();
        if (!following && !looking && Duration.between(lastLook, now).compareTo(LOOK_EVERY) >= 0) {
            lastLook = now;
            lookForRunningDrill();
        }
    }

    private void show(Drill d) {
        boolean endsNow = active.get() && d.state().ended();
        drill.set(d);
        active.set(!d.state().ended());
        var targets = d.state().ended() ? Set.<String>of() : Set.copyOf(d.targets());
        if (!targets.equals(drilledRegions.get())) {
            drilledRegions.set(targets);
        }
        // The verdict shows once the drill ended; a target missed earlier is already in the report's lines.
        var verdict = d.state().ended() ? d.outcome() : DrillOutcome.PENDING;
        outcome.set(verdict);
        if (d.state().ended()) {
            banner.set("");
        }
        if (endsNow) {
            message.set("Drill " + DrillText.words(d.state()) + ": " + d.stateDetail());
        }
        var glyph = switch (verdict) {
            case PASSED -> "✓ ";
            case FAILED -> "✕ ";
            case INCOMPLETE -> "– ";
            case PENDING -> "";
        };
        headline.set(glyph + d.title() + " · " + DrillText.words(d.state()) + (d.state().ended() ? " · outcome "
                + DrillText.words(d.outcome()) : ""));
        steps.setAll(IntStream.range(0, d.steps().size()).mapToObj(i -> StepRow.of(i, d.steps().get(i))).toList());
        currentStep.set(IntStream.range(0, steps.size()).filter(i -> steps.get(i).current()).findFirst().orElse(-1));
        var rows = d.timeline().stream().sorted(java.util.Comparator.comparing(e -> e.at()))
                .map(e -> TimelineRow.of(d.startedAt(), e)).toList();
        timeline.setAll(rows.reversed());
        boolean fast = d.speed() > 1.05;
        measures.setAll(d.measures().stream().map(m -> MeasureRow.of(m, fast)).toList());
        decisions.set(d.decisions().isEmpty() ? "No decisions yet" : String.join("\n", d.decisions().stream()
                .map(x -> (x.approved() ? "✓ approved " : "✕ rejected ") + x.clusterId() + " · " + x.displayName()
                        + " · " + DrillText.offset(d.startedAt(), x.decidedAt())).toList()));
        var audit = d.audit();
        auditText.set(!audit.available() ? audit.detail() : audit.checkpointNote().isEmpty()
                ? audit.entryIndexes().size() + " audit entries so far; the checkpoint is signed when the drill ends"
                : audit.detail() + " · entries " + audit.entryIndexes().getFirst() + "–"
                + audit.entryIndexes().getLast());
    }

    /** The backend restarted without the drill's record: its faults went with the old process. */
    private void forget(String drillId) {
        if (watch != null) {
            watch.close();
            watch = null;
        }
        shown = null;
        latest.set(null);
        active.set(false);
        drilledRegions.set(Set.of());
        banner.set("");
        headline.set("Drill " + drillId.substring(0, Math.min(8, drillId.length())) + " is gone");
        message.set("The backend restarted and no longer knows drill " + drillId + ": it keeps no drill records "
                + "(start it with --audit-dir to keep them), and its faults ended with the old process.");
    }

    private void lookForRunningDrill() {
        looking = true;
        background.run(client::list, Background.outcome(list -> {
            looking = false;
            list.stream().filter(d -> d.state() == DrillState.RUNNING).findFirst().ifPresent(this::follow);
        }, failure -> looking = false));
    }

    private void follow(Drill d) {
        if (watch != null) {
            watch.close();
        }
        latest.set(new Received(d, clock.instant()));
        watch = client.watch(d.id(), new DrillWatch.Listener() {
            @Override
            public void onDrill(Drill update, boolean last) {
                latest.set(new Received(update, clock.instant()));
            }

            @Override
            public void onStatus(StreamStatus status) {
                // The status bar shows the connection; here only a backend that forgot the drill matters.
                if (status instanceof StreamStatus.Reconnecting r && r.cause().startsWith("NOT_FOUND")) {
                    lost.set(d.id());
                }
            }
        });
    }

    private <T> void call(Background.Call<T> call, java.util.function.Consumer<T> done) {
        busy.set(true);
        message.set("");
        background.run(call, Background.outcome(value -> {
            busy.set(false);
            done.accept(value);
        }, failure -> {
            busy.set(false);
            message.set(failure.getMessage());
        }));
    }

    private void export(Path file, String what, Background.Call<Path> write) {
        if (drill.get() == null) {
            return;
        }
        call(write, written -> message.set(what + " report written to " + written));
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
    }
}
