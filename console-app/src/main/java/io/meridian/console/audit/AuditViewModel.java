package io.meridian.console.audit;

import io.meridian.audit.Checkpoint;
import io.meridian.audit.CheckpointMonitor;
import io.meridian.client.AuditReader;
import io.meridian.console.telemetry.AlertChange;
import io.meridian.console.telemetry.Severity;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The auditor's screen: which keys are trusted, the latest checkpoint the console verified (followed by a
 * {@link CheckpointWatch}), the alarms it raised, and the two tasks ({@link RangeViewModel verify or export a range},
 * {@link LookupViewModel look up a query id}). Every alarm also goes to the console's alert list as a critical alert.
 * {@link #pulse} is the one place background state reaches its properties.
 */
public final class AuditViewModel implements AutoCloseable {
    /** What the checkpoint line says. */
    public enum CheckpointState { NOT_PINNED, WAITING, VERIFIED, UNAVAILABLE }

    private final TrustRoots roots;
    private final CheckpointWatch watch;
    private final Consumer<AlertChange> alerts;
    private final ExecutorService ownExecutor;
    private final RangeViewModel range;
    private final LookupViewModel lookup;
    private CheckpointWatch.Status shown;
    private long alarmsRaised;

    // ---- Properties
    private final ReadOnlyBooleanWrapper trusted = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper trustText = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<CheckpointState> checkpointState = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper checkpointText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper alarmed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper alarmText = new ReadOnlyStringWrapper("");

    /**
     * @param watch  follows the backend's checkpoints; null exactly when {@code roots} has no keys
     * @param alerts receives a critical alert per alarm (the console's alert list), on the FX thread
     */
    public AuditViewModel(TrustRoots roots, CheckpointWatch watch, RangeViewModel range, LookupViewModel lookup,
            Consumer<AlertChange> alerts) {
        this(roots, watch, range, lookup, alerts, null);
    }

    private AuditViewModel(TrustRoots roots, CheckpointWatch watch, RangeViewModel range, LookupViewModel lookup,
            Consumer<AlertChange> alerts, ExecutorService ownExecutor) {
        if ((watch == null) != roots.trusted().isEmpty()) {
            throw new IllegalArgumentException("a checkpoint watch needs trust roots, and trust roots a watch");
        }
        this.roots = roots;
        this.watch = watch;
        this.range = range;
        this.lookup = lookup;
        this.alerts = alerts;
        this.ownExecutor = ownExecutor;
        trusted.set(watch != null);
        trustText.set(watch != null ? "Trust roots: " + roots.describe() + ". The console never takes keys from the "
                + "backend." : "Verification impossible: " + roots.problem());
        checkpointState.set(watch != null ? CheckpointState.WAITING : CheckpointState.NOT_PINNED);
        checkpointText.set(watch != null ? "Waiting for the backend's first checkpoint…"
                : "Without pinned keys nothing the backend serves can be verified: neither checkpoints nor entries.");
    }

    /**
     * The auditor's screen over {@code reader}, its checkpoint watch polling at the settings' interval and its tasks
     * on virtual threads; {@link #close} stops both.
     */
    public static AuditViewModel open(AuditReader reader, AuditSettings settings, Consumer<AlertChange> alerts,
            Clock clock) {
        var keys = settings.roots().trusted().orElse(null);
        var executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("audit-task").factory());
        CheckpointWatch watch = null;
        if (keys != null) {
            watch = new CheckpointWatch(reader, keys, settings.checkpointDirectory(), clock);
            watch.start(settings.pollInterval());
        }
        return new AuditViewModel(settings.roots(), watch, new RangeViewModel(reader, keys, executor, clock),
                new LookupViewModel(reader, keys, executor), alerts, executor);
    }

    public RangeViewModel range() {
        return range;
    }

    public LookupViewModel lookup() {
        return lookup;
    }

    public ReadOnlyBooleanProperty trustedProperty() {
        return trusted.getReadOnlyProperty();
    }

    /** Which keys are pinned and where from, or why verification is impossible. */
    public ReadOnlyStringProperty trustTextProperty() {
        return trustText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CheckpointState> checkpointStateProperty() {
        return checkpointState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty checkpointTextProperty() {
        return checkpointText.getReadOnlyProperty();
    }

    /** True once the backend was caught serving a checkpoint an honest log cannot produce. */
    public ReadOnlyBooleanProperty alarmedProperty() {
        return alarmed.getReadOnlyProperty();
    }

    /** The latest alarm: its class, what was seen, and where the evidence is. */
    public ReadOnlyStringProperty alarmTextProperty() {
        return alarmText.getReadOnlyProperty();
    }

    // ---- Commands

    /** Publishes what the background work found. FX thread, a few times a second. */
    public void pulse(Instant now) {
        Checkpoint verified = null;
        if (watch != null) {
            var status = watch.status();
            if (status != shown) {
                shown = status;
                show(status, now);
            }
            verified = status.verified();
        }
        range.pulse(now, verified);
        lookup.pulse(now, verified);
    }

    private void show(CheckpointWatch.Status status, Instant now) {
        var last = status.verified() == null ? "" : "Latest verified checkpoint: " + Formats.checkpoint(status.verified())
                + " · consistent with every checkpoint this console verified before";
        if (status.problem() != null) {
            checkpointState.set(CheckpointState.UNAVAILABLE);
            checkpointText.set("Cannot check the backend's checkpoints now: " + status.problem()
                    + (last.isEmpty() ? "" : ". " + last + " (checked " + Formats.time(status.checkedAt()) + ")"));
        } else if (status.verified() != null) {
            checkpointState.set(CheckpointState.VERIFIED);
            checkpointText.set(last + " · checked " + Formats.time(status.checkedAt()));
        }
        var kept = status.alarms();
        long firstKept = status.alarmCount() - kept.size();
        for (int i = 0; i < kept.size(); i++) {
            if (firstKept + i >= alarmsRaised) {
                raise(kept.get(i), firstKept + i, now);
            }
        }
        alarmsRaised = status.alarmCount();
    }

    private void raise(CheckpointMonitor.Alarm alarm, long ordinal, Instant now) {
        var text = "Audit log " + alarm.tamperClass() + ": " + alarm.message()
                + (alarm.evidence() == null ? " (not signed by a pinned key: no evidence against the log is kept)"
                : ". Both checkpoints are saved as evidence in " + alarm.evidence());
        alarmed.set(true);
        alarmText.set("✖ " + text);
        alerts.accept(new AlertChange(AlertChange.Kind.RAISED, "audit/alarm/" + ordinal, Severity.CRITICAL, text,
                now));
    }

    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
        if (ownExecutor != null) {
            ownExecutor.shutdownNow();
        }
        range.cancel();
    }
}
