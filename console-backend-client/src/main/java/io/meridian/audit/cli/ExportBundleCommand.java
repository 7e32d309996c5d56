package io.meridian.audit.cli;

import io.meridian.audit.AuditFormatException;
import io.meridian.audit.BundleCodec;
import io.meridian.audit.Checkpoint;
import io.meridian.audit.EvidenceBundle;
import io.meridian.audit.Hash;
import io.meridian.audit.SignedNote;
import io.meridian.cli.Arguments;
import io.meridian.cli.ConnectionOptions;
import io.meridian.client.AuditReader;
import io.meridian.client.BackendAddress;
import io.meridian.client.BackendException;
import io.meridian.client.grpc.GrpcBackend;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code export-bundle --backend HOST:PORT --out FILE [--from N] [--to N] [--tls-ca PATH]}: writes an evidence bundle
 * of entries [from, to) of the backend's latest checkpoint, with an inclusion proof per entry, or the complete log
 * when no range is given. It verifies nothing: the auditor runs verify-bundle with keys pinned by other means.
 * Exit status 0 written, 1 the backend failed, 2 bad usage.
 */
public final class ExportBundleCommand {
    public static final String NAME = "export-bundle";
    /** Entries per bundle with per-entry proofs: keeps a bundle a size an auditor can mail. */
    public static final long MAX_RANGE = 1_000_000;
    /** How long connecting (a TLS handshake included) may take before the first call's own deadline starts. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    public static final String USAGE = """
            Usage: meridian export-bundle --backend HOST:PORT --out FILE [--from N] [--to N] [connection options]

            Writes an audit evidence bundle (docs/audit-format.md §7) of entries [from, to) against the backend's
            latest checkpoint; without --from and --to, the complete log. Check it with verify-bundle. Reading
            entries needs the auditor role: connect with an auditor's client certificate (or --as on a demo).

            """ + ConnectionOptions.USAGE;

    private ExportBundleCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a;
        ConnectionOptions connection;
        try {
            var names = new HashSet<>(ConnectionOptions.NAMES);
            names.addAll(Set.of("--backend", "--out", "--from", "--to"));
            a = Arguments.parse(args, names, Set.of("--help"));
            if (a.has("--help")) {
                out.print(USAGE);
                return 0;
            }
            if (a.value("--backend").isEmpty() || a.value("--out").isEmpty()) {
                throw new Arguments.UsageException("--backend HOST:PORT and --out FILE are required");
            }
            connection = ConnectionOptions.of(a);
        } catch (Arguments.UsageException e) {
            err.println("meridian export-bundle: " + e.getMessage());
            return 2;
        }
        BackendAddress address;
        try {
            address = BackendAddress.parse(a.value("--backend").orElseThrow());
        } catch (IllegalArgumentException e) {
            err.println("meridian export-bundle: option --backend: " + e.getMessage());
            return 2;
        }
        Path outFile = Path.of(a.value("--out").orElseThrow());
        try (var backend = GrpcBackend.connectWith(address, connection.security())) {
            backend.awaitConnected(CONNECT_TIMEOUT);
            var bundle = export(backend.audit(), a);
            Files.write(outFile, BundleCodec.write(bundle));
            out.printf("wrote %s: %d entries from %d%s, checkpoint of size %d%n", outFile, bundle.entries().size(),
                    bundle.first(), bundle.complete() ? " (complete log)" : "", checkpointSize(bundle));
            return 0;
        } catch (Arguments.UsageException e) {
            err.println("meridian export-bundle: " + e.getMessage());
            return 2;
        } catch (BackendException | AuditFormatException e) {
            err.println("meridian export-bundle: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("meridian export-bundle: cannot write " + outFile + ": " + e.getMessage());
            return 1;
        }
    }

    private static EvidenceBundle export(AuditReader audit, Arguments a) throws BackendException,
            AuditFormatException {
        String note = audit.latestCheckpoint();
        var checkpoint = Checkpoint.parse(SignedNote.parse(note).text());
        long size = checkpoint.size();
        boolean complete = !a.has("--from") && !a.has("--to");
        long from = a.longValue("--from", 0, 0, Math.max(0, size - 1));
        long to = a.longValue("--to", size, from + 1, size);
        if (to - from > MAX_RANGE) {
            throw new Arguments.UsageException("a bundle holds at most " + MAX_RANGE + " entries; narrow --from/--to");
        }
        var entries = audit.entries(from, to);
        var proofs = new TreeMap<Long, List<Hash>>();
        if (!complete) {
            for (long i = from; i < to; i++) {
                proofs.put(i, audit.inclusionProof(i, size));
            }
        }
        return new EvidenceBundle(checkpoint.origin(), List.of(note), List.of(), from, complete, entries, proofs,
                List.of(), List.of());
    }

    private static long checkpointSize(EvidenceBundle bundle) throws AuditFormatException {
        return Checkpoint.parse(SignedNote.parse(bundle.checkpoints().getLast()).text()).size();
    }
}
