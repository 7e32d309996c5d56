package io.meridian.console.audit;

import io.meridian.audit.AuditFormatException;
import io.meridian.audit.Checkpoint;
import io.meridian.audit.CheckpointMonitor;
import io.meridian.audit.SignedNote;
import io.meridian.audit.TrustedKeys;
import io.meridian.client.AuditReader;
import io.meridian.client.BackendException;
import io.meridian.console.userdata.PrivateFiles;
import io.meridian.console.userdata.UserDataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows the backend's checkpoints on a background thread: each one is checked by a {@link CheckpointMonitor},
 * which remembers the last verified checkpoint of each log in a file (so across restarts) and accepts a new one only
 * with a consistency proof from it. A rollback, a fork or a failing proof becomes an alarm, its evidence filed once:
 * the same offending checkpoint seen again on the next poll is not filed twice. {@link #status()} is the latest
 * state as one immutable value, for the pulse to copy.
 */
public final class CheckpointWatch implements AutoCloseable {
    /** Checkpoints are signed every 30 s; three polls per checkpoint see a new one soon after it is published. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(10);
    static final int MAX_ALARMS_KEPT = 50;

    /**
     * What the watch knows.
     *
     * @param verified   the latest checkpoint that verified (and was consistent with the one before), or null
     * @param checkedAt  when the backend's checkpoint was last checked successfully, or null
     * @param problem    why the last poll could not check (backend gone, state unwritable), or null
     * @param alarms     the alarms raised so far, oldest first, at most {@link #MAX_ALARMS_KEPT}
     * @param alarmCount how many alarms were raised in all
     */
    public record Status(Checkpoint verified, Instant checkedAt, String problem, List<CheckpointMonitor.Alarm> alarms,
            long alarmCount) {
        public static final Status WAITING = new Status(null, null, null, List.of(), 0);

        public Status {
            alarms = List.copyOf(alarms);
        }

        Status checked(Checkpoint checkpoint, Instant at) {
            return new Status(checkpoint, at, null, alarms, alarmCount);
        }

        Status failing(String why) {
            return new Status(verified, checkedAt, why, alarms, alarmCount);
        }

        Status alarmed(CheckpointMonitor.Alarm alarm) {
            var kept = new ArrayList<>(alarms);
            kept.add(alarm);
            if (kept.size() > MAX_ALARMS_KEPT) {
                kept.removeFirst();
            }
            return new Status(verified, checkedAt, null, kept, alarmCount + 1);
        }
    }

    private final AuditReader reader;
    private final TrustedKeys keys;
    private final Path directory;
    private final Clock clock;
    private final Map<String, CheckpointMonitor> monitors = new HashMap<>();
    private String lastAlarmedNote;
    private volatile Status status = Status.WAITING;
    private ScheduledExecutorService poller;

    /** @param directory where the remembered checkpoints and the evidence files go; made owner-only */
    public CheckpointWatch(AuditReader reader, TrustedKeys keys, Path directory, Clock clock) {
        this.reader = reader;
        this.keys = keys;
        this.directory = directory;
        this.clock = clock;
    }

    /** Polls now and then every {@code interval}, on a virtual thread. */
    public synchronized void start(Duration interval) {
        if (poller == null) {
            poller = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("checkpoint-watch").factory());
            poller.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public Status status() {
        return status;
    }

    /** Checks the backend's latest checkpoint once. Called by the poller; tests call it directly. */
    void poll() {
        String note;
        try {
            note = reader.latestCheckpoint();
        } catch (BackendException e) {
            status = status.failing("cannot read the backend's checkpoint: " + e.getMessage());
            return;
        }
        if (note.equals(lastAlarmedNote)) {
            return;
        }
        try {
            PrivateFiles.directory(directory, "audit checkpoints", "the data directory");
            switch (monitor(note).check(note, reader)) {
                case CheckpointMonitor.Unchanged u -> status = status.checked(u.checkpoint(), clock.instant());
                case CheckpointMonitor.Advanced a -> status = status.checked(a.current(), clock.instant());
                case CheckpointMonitor.Alarm alarm -> {
                    lastAlarmedNote = note;
                    status = status.alarmed(alarm);
                }
            }
        } catch (BackendException e) {
            status = status.failing("cannot check the backend's checkpoint: " + e.getMessage());
        } catch (IOException | UserDataException e) {
            status = status.failing("cannot keep the verified checkpoint in " + directory + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: report it and keep watching.
            status = status.failing("an unexpected error (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + ")");
        }
    }

    /** The monitor of the log the note claims to be from; the monitor then checks that claim with the keys. */
    private CheckpointMonitor monitor(String note) {
        String origin;
        try {
            origin = Checkpoint.parse(SignedNote.parse(note).text()).origin();
        } catch (AuditFormatException e) {
            // The monitor reports the malformed note as an alarm; any origin will do to get there.
            origin = "";
        }
        return monitors.computeIfAbsent(origin, o -> new CheckpointMonitor(stateFile(o), o, keys, clock));
    }

    /**
     * One file per log and set of trust roots: the origin, readable, and a hash of origin and keys, so that logs
     * whose origins differ only in characters a file name cannot hold, or a log verified under other keys, never
     * share a remembered checkpoint.
     */
    Path stateFile(String origin) {
        String readable = origin.replaceAll("[^A-Za-z0-9._-]", "_");
        if (readable.length() > 100) {
            readable = readable.substring(0, 100);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((origin + "\n" + keys.format())
                    .getBytes(StandardCharsets.UTF_8));
            return directory.resolve(readable + "-" + HexFormat.of().formatHex(digest, 0, 4) + ".checkpoint");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
