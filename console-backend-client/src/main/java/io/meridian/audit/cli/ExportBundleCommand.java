package io.meridian.audit.cli;

import io.meridian.audit.AuditFormatException;
import io.meridian.audit.BundleCodec;
import io.meridian.audit.BundleExport;
import io.meridian.audit.Checkpoint;
import io.meridian.audit.EvidenceBundle;
import io.meridian.audit.SignedNote;
import io.meridian.cli.Arguments;
import io.meridian.cli.ConnectionOptions;
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
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code export-bundle --backend HOST:PORT --out FILE [--from N] [--to N] [--tls-ca PATH]}: writes an evidence bundle
 * of entries [from, to) of the backend's latest checkpoint, with an inclusion proof per entry, or the complete log
 * when no range is given. It verifies nothing: the auditor runs verify-bundle with keys pinned by other means.
 * Exit status 0 written, 1 the backend failed, 2 bad usage.
 */
public final class ExportBundleCommand {
    public static final String NAME = "export-bundle";
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
            var bundle = BundleExport.export(backend.audit(), bound(a, "--from"), bound(a, "--to"));
            Files.write(outFile, BundleCodec.write(bundle));
            out.printf("wrote %s: %d entries from %d%s, checkpoint of size %d%n", outFile, bundle.entries().size(),
                    bundle.first(), bundle.complete() ? " (complete log)" : "", checkpointSize(bundle));
            return 0;
        } catch (Arguments.UsageException | IllegalArgumentException e) {
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

    private static OptionalLong bound(Arguments a, String option) {
        return a.has(option) ? OptionalLong.of(a.longValue(option, 0, 0, Long.MAX_VALUE)) : OptionalLong.empty();
    }

    private static long checkpointSize(EvidenceBundle bundle) throws AuditFormatException {
        return Checkpoint.parse(SignedNote.parse(bundle.checkpoints().getLast()).text()).size();
    }
}
