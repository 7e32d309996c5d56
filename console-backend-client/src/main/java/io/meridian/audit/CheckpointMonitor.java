package io.meridian.audit;

import io.meridian.client.AuditReader;
import io.meridian.client.BackendException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/**
 * Watches a backend's checkpoints the way the console must: it remembers the last checkpoint it verified (in a file,
 * so across restarts), and accepts a new one only with a consistency proof from it. A rollback, a fork or a failed
 * proof raises an alarm naming what was seen; both signed checkpoints are written to an evidence file and the
 * remembered checkpoint stays as it was, so the alarm repeats until someone looks.
 */
public final class CheckpointMonitor {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path stateFile;
    private final String origin;
    private final TrustedKeys keys;
    private final Clock clock;

    /** What a check found. */
    public sealed interface Result {
    }

    /** The backend's checkpoint is the one remembered. */
    public record Unchanged(Checkpoint checkpoint) implements Result {
    }

    /** A larger checkpoint, proved consistent with the one remembered (or the first one seen); now remembered. */
    public record Advanced(Checkpoint previous, Checkpoint current) implements Result {
    }

    /**
     * Something a honest log cannot produce.
     *
     * @param evidence the file holding the remembered and the offending signed checkpoints (null when the offending
     *                 one is not signed by a trusted key, which proves nothing about the log)
     */
    public record Alarm(TamperClass tamperClass, String message, String rememberedNote, String offendingNote,
            Path evidence) implements Result {
    }

    public CheckpointMonitor(Path stateFile, String origin, TrustedKeys keys, Clock clock) {
        this.stateFile = stateFile;
        this.origin = origin;
        this.keys = keys;
        this.clock = clock;
    }

    /** Fetches the backend's latest checkpoint and checks it against the remembered one. */
    public Result check(AuditReader backend) throws BackendException, IOException {
        return check(backend.latestCheckpoint(), backend);
    }

    /**
     * Checks {@code note}, a checkpoint the caller already fetched from {@code backend} (which answers the consistency
     * proof), so that a caller can skip a note it has already raised an alarm for instead of filing its evidence again.
     */
    public Result check(String note, AuditReader backend) throws BackendException, IOException {
        Checkpoint current;
        try {
            current = verified(note);
        } catch (NoteVerificationException e) {
            return new Alarm(e.tamperClass(), e.getMessage(), remembered(), note, null);
        } catch (AuditFormatException e) {
            return new Alarm(TamperClass.CHECKPOINT_MALFORMED, e.getMessage(), remembered(), note, null);
        }
        if (!current.origin().equals(origin)) {
            return new Alarm(TamperClass.CHECKPOINT_WRONG_ORIGIN, "the backend serves the checkpoint of log '"
                    + current.origin() + "', not of '" + origin + "'", remembered(), note, null);
        }
        String rememberedNote = remembered();
        if (rememberedNote == null) {
            remember(note);
            return new Advanced(null, current);
        }
        Checkpoint previous;
        try {
            previous = verified(rememberedNote);
        } catch (NoteVerificationException | AuditFormatException e) {
            throw new IOException(stateFile + " no longer holds a checkpoint signed by a trusted key: "
                    + e.getMessage());
        }
        if (current.size() < previous.size()) {
            return alarm(TamperClass.ROLLBACK, "the backend's checkpoint has size " + current.size()
                    + ", smaller than " + previous.size() + " verified before", rememberedNote, note);
        }
        if (current.size() == previous.size()) {
            if (!current.root().equals(previous.root())) {
                return alarm(TamperClass.FORK, "two checkpoints of size " + current.size() + " with roots "
                        + previous.root() + " and " + current.root(), rememberedNote, note);
            }
            return new Unchanged(current);
        }
        if (previous.size() > 0) {
            try {
                ConsistencyProofs.verify(previous.size(), current.size(), previous.root(), current.root(),
                        backend.consistencyProof(previous.size(), current.size()));
            } catch (ProofException e) {
                return alarm(TamperClass.CONSISTENCY_PROOF_INVALID, e.getMessage(), rememberedNote, note);
            }
        }
        remember(note);
        return new Advanced(previous, current);
    }

    private Checkpoint verified(String note) throws AuditFormatException, NoteVerificationException {
        var signed = SignedNote.parse(note);
        signed.verify(keys.checkpointKeys());
        return Checkpoint.parse(signed.text());
    }

    /** The remembered signed checkpoint, or null before the first. */
    private String remembered() throws IOException {
        return Files.exists(stateFile) ? Files.readString(stateFile, StandardCharsets.UTF_8) : null;
    }

    private void remember(String note) throws IOException {
        Path temporary = stateFile.resolveSibling(stateFile.getFileName() + ".new");
        Files.writeString(temporary, note, StandardCharsets.UTF_8);
        Files.move(temporary, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Alarm alarm(TamperClass tamperClass, String message, String rememberedNote, String offendingNote)
            throws IOException {
        Path evidence = stateFile.resolveSibling(stateFile.getFileName() + "." + STAMP.format(clock.instant()) + "."
                + tamperClass.name().toLowerCase(java.util.Locale.ROOT) + ".evidence");
        Files.writeString(evidence, "# " + tamperClass + ": " + message + "\n# remembered checkpoint:\n"
                + rememberedNote + "# offending checkpoint:\n" + offendingNote, StandardCharsets.UTF_8);
        return new Alarm(tamperClass, message, rememberedNote, offendingNote, evidence);
    }
}
