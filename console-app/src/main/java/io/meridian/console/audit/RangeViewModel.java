package io.meridian.console.audit;

import io.meridian.audit.AuditFormatException;
import io.meridian.audit.BundleCodec;
import io.meridian.audit.BundleExport;
import io.meridian.audit.Checkpoint;
import io.meridian.audit.TrustedKeys;
import io.meridian.audit.VerificationReport;
import io.meridian.client.AuditReader;
import io.meridian.client.BackendException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Verifying a range of the log, and exporting it as an evidence bundle. Verification runs on a background thread
 * against the latest checkpoint the console verified, counting entries as it goes; {@link #pulse} publishes progress
 * (entries/s, ETA) and the result on the FX thread. Export goes through {@link BundleExport}, the code path of
 * {@code meridian export-bundle}.
 */
public final class RangeViewModel {
    /** Where the last verification stands. */
    public enum State { IDLE, RUNNING, PASSED, FAILED, CANCELLED, ERROR }

    private record Job(long from, long to, Checkpoint against, Instant startedAt, AtomicLong done,
            AtomicBoolean cancel) {
    }

    private record Finished(Job job, VerificationReport report, String error, Instant at) {
    }

    private final AuditReader reader;
    private final TrustedKeys keys;
    private final Executor background;
    private final Clock clock;
    private Checkpoint checkpoint;
    private Job job;
    private volatile Finished finished;
    private volatile String exported;
    private volatile boolean exportFailedFlag;

    // ---- Properties
    private final StringProperty firstText = new SimpleStringProperty("");
    private final StringProperty lastText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canVerify = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper exportFailed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper exportText = new ReadOnlyStringWrapper("");
    private final ObservableList<FindingRow> findings = FXCollections.observableArrayList();
    private final ObservableList<FindingRow> findingsView = FXCollections.unmodifiableObservableList(findings);

    /** @param keys the pinned keys, or null: then nothing can be verified, only exported */
    public RangeViewModel(AuditReader reader, TrustedKeys keys, Executor background, Clock clock) {
        this.reader = reader;
        this.keys = keys;
        this.background = background;
        this.clock = clock;
    }

    /** The first entry to verify or export, as typed; blank for entry 0. */
    public StringProperty firstTextProperty() {
        return firstText;
    }

    /** The last entry (inclusive), as typed; blank for the checkpoint's last entry. */
    public StringProperty lastTextProperty() {
        return lastText;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True with pinned keys, a verified checkpoint, and no verification running. */
    public ReadOnlyBooleanProperty canVerifyProperty() {
        return canVerify.getReadOnlyProperty();
    }

    /** Fraction of the range verified, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "12,345 of 100,000 entries · 45,210 entries/s · ETA 0:02". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The outcome in a sentence, or why the range cannot be verified. */
    public ReadOnlyStringProperty resultTextProperty() {
        return resultText.getReadOnlyProperty();
    }

    /** Every failure found, by entry then class (at most {@link VerificationReport#MAX_LISTED_FINDINGS}). */
    public ObservableList<FindingRow> findings() {
        return findingsView;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportFailedProperty() {
        return exportFailed.getReadOnlyProperty();
    }

    /** Where the last bundle went and how to check it, or why it could not be written. */
    public ReadOnlyStringProperty exportTextProperty() {
        return exportText.getReadOnlyProperty();
    }

    // ---- Commands

    /** Verifies the range typed in, against the latest verified checkpoint. FX thread. */
    public void verify() {
        if (!canVerify.get()) {
            return;
        }
        EntryRangeInput input;
        try {
            input = EntryRangeInput.parse(firstText.get(), lastText.get());
            input.check(checkpoint.size());
        } catch (EntryRangeInput.Invalid e) {
            showError(e.getMessage());
            return;
        }
        var started = new Job(input.start(), input.end(checkpoint.size()), checkpoint, clock.instant(),
                new AtomicLong(), new AtomicBoolean());
        job = started;
        finished = null;
        findings.clear();
        state.set(State.RUNNING);
        running.set(true);
        canVerify.set(false);
        progress.set(0);
        resultText.set("Verifying entries " + Formats.count(started.from()) + " to " + Formats.count(started.to() - 1)
                + " against the checkpoint of " + Formats.checkpoint(started.against()) + "…");
        background.execute(() -> run(started));
    }

    /** Clears the range and verifies the whole log of the latest verified checkpoint. */
    public void verifyWholeLog() {
        firstText.set("");
        lastText.set("");
        verify();
    }

    /** Stops the running verification; what it found so far is dropped, since it covers part of the range. */
    public void cancel() {
        var current = job;
        if (current != null) {
            current.cancel().set(true);
        }
    }

    /** Writes an evidence bundle of the range typed in (the complete log when blank) to {@code file}. */
    public void export(Path file) {
        if (exporting.get()) {
            return;
        }
        EntryRangeInput input;
        try {
            input = EntryRangeInput.parse(firstText.get(), lastText.get());
        } catch (EntryRangeInput.Invalid e) {
            exportFailed.set(true);
            exportText.set(e.getMessage());
            return;
        }
        exporting.set(true);
        exported = null;
        exportText.set("Exporting to " + file + "…");
        background.execute(() -> writeBundle(input, file));
    }

    /** Publishes progress and results. FX thread, a few times a second. */
    public void pulse(Instant now, Checkpoint verified) {
        checkpoint = verified;
        var done = finished;
        var current = job;
        if (current != null && done != null && done.job() == current) {
            job = null;
            show(done);
        } else if (current != null) {
            showProgress(current, now);
        }
        canVerify.set(keys != null && checkpoint != null && job == null);
        var export = exported;
        if (export != null) {
            exported = null;
            exporting.set(false);
            exportFailed.set(exportFailedFlag);
            exportText.set(export);
        }
    }

    private void run(Job started) {
        try {
            var report = new RangeVerifier(reader, keys).verify(started.against(), started.from(), started.to(),
                    started.done(), started.cancel()::get);
            finished = new Finished(started, report, null, clock.instant());
        } catch (CancellationException e) {
            finished = new Finished(started, null, null, clock.instant());
        } catch (BackendException e) {
            finished = new Finished(started, null, "The backend stopped answering: " + e.getMessage()
                    + ". Nothing is concluded about the range; verify it again when the backend is back.",
                    clock.instant());
        } catch (RuntimeException e) {
            // Never leave the screen saying "verifying" for ever; the message names what broke.
            finished = new Finished(started, null, "The verification stopped on an unexpected error ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "). Nothing is concluded about the "
                    + "range.", clock.instant());
        }
    }

    private void writeBundle(EntryRangeInput input, Path file) {
        try {
            // Both bounds blank: the complete log, as export-bundle without --from and --to.
            var to = input.last().isPresent() ? OptionalLong.of(input.last().getAsLong() + 1) : OptionalLong.empty();
            var bundle = BundleExport.export(reader, input.first(), to);
            Files.write(file, BundleCodec.write(bundle));
            exportFailedFlag = false;
            exported = "Wrote " + file + ": " + Formats.count(bundle.entries().size()) + " entries from "
                    + Formats.count(bundle.first()) + (bundle.complete() ? " (the complete log)" : "")
                    + ". Anyone can check it offline: meridian verify-bundle " + file.getFileName()
                    + " --trusted-keys KEYS";
        } catch (IllegalArgumentException e) {
            failExport("Cannot export: " + e.getMessage() + ".");
        } catch (BackendException e) {
            failExport("The backend could not provide the bundle: " + e.getMessage());
        } catch (AuditFormatException e) {
            failExport("The backend's checkpoint is not usable: " + e.getMessage());
        } catch (IOException e) {
            failExport("Cannot write " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            failExport("The export stopped on an unexpected error (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ").");
        }
    }

    private void failExport(String message) {
        exportFailedFlag = true;
        exported = message;
    }

    private void showProgress(Job current, Instant now) {
        long total = current.to() - current.from();
        long done = current.done().get();
        progress.set((double) done / total);
        var text = progress(done, total, Duration.between(current.startedAt(), now));
        progressText.set(current.cancel().get() ? text + " · cancelling…" : text);
    }

    /** "2,500 of 10,000 entries · 500 entries/s · ETA 0:15", the rate averaged since the start. */
    static String progress(long done, long total, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        var text = Formats.count(done) + " of " + Formats.count(total) + " entries";
        if (done == 0 || seconds < 0.2) {
            return text;
        }
        double rate = done / seconds;
        return text + " · " + Formats.count(Math.round(rate)) + " entries/s · ETA "
                + Formats.duration(Duration.ofSeconds(Math.round((total - done) / rate)));
    }

    private void show(Finished done) {
        running.set(false);
        var j = done.job();
        long total = j.to() - j.from();
        var took = Duration.between(j.startedAt(), done.at());
        var range = "entries " + Formats.count(j.from()) + " to " + Formats.count(j.to() - 1);
        if (done.error() != null) {
            showError(done.error());
            return;
        }
        if (done.report() == null) {
            state.set(State.CANCELLED);
            resultText.set("Cancelled after " + Formats.count(j.done().get()) + " of " + Formats.count(total)
                    + " entries; nothing is concluded about " + range + ".");
            return;
        }
        var report = done.report();
        progress.set(1);
        double rate = total / Math.max(1e-3, took.toNanos() / 1e9);
        progressText.set(Formats.count(total) + " entries in " + Formats.duration(took) + " · "
                + Formats.count(Math.round(rate)) + " entries/s");
        findings.setAll(report.findings().stream().map(FindingRow::of).toList());
        if (report.verified()) {
            state.set(State.PASSED);
            resultText.set("✔ Verified " + range + " against the checkpoint of " + Formats.checkpoint(j.against())
                    + ": signatures, chain, order, query ids and " + (j.from() == 0 ? "root" : "inclusion")
                    + " all hold.");
        } else {
            state.set(State.FAILED);
            resultText.set("✖ " + Formats.count(report.totalFindings()) + " failures in " + range + ": "
                    + report.counts().entrySet().stream().map(e -> Formats.count(e.getValue()) + " " + e.getKey())
                    .collect(Collectors.joining(", ")) + ".");
        }
    }

    private void showError(String message) {
        state.set(State.ERROR);
        resultText.set(message);
        progressText.set("");
        progress.set(0);
        findings.clear();
    }
}
