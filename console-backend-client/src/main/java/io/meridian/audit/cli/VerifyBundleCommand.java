package io.meridian.audit.cli;

import io.meridian.audit.AuditFormatException;
import io.meridian.audit.BundleVerifier;
import io.meridian.audit.TrustedKeys;
import io.meridian.audit.VerificationReport;
import io.meridian.cli.Arguments;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code verify-bundle BUNDLE.json --trusted-keys KEYS [--json]}: verifies an evidence bundle offline, with no backend
 * and no display, against keys the auditor pinned. Exit status 0 when everything verifies, 1 when tampering is found,
 * 2 when the input is unusable (usage, unreadable or malformed bundle, bad keys file). Lives in the client module so
 * any headless tool can run it; the console's Main only dispatches to it.
 */
public final class VerifyBundleCommand {
    public static final String NAME = "verify-bundle";
    public static final int VERIFIED = 0;
    public static final int TAMPERED = 1;
    public static final int UNUSABLE = 2;
    private static final long MAX_KEYS_FILE = 1 << 20;

    public static final String USAGE = """
            Usage: meridian verify-bundle BUNDLE.json --trusted-keys KEYS [--json]

            Verifies an audit evidence bundle offline against the keys you trust (docs/audit-format.md).
              --trusted-keys KEYS  the pinned checkpoint and region signer keys (format: docs/audit-format.md §6)
              --json               print the report as JSON instead of text
            Exit status: 0 verified, 1 tampering found, 2 unusable input.
            """;

    private VerifyBundleCommand() {
    }

    /** Runs the command with the arguments after {@code verify-bundle}; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help")) {
            out.print(USAGE);
            return VERIFIED;
        }
        if (args.isEmpty() || args.getFirst().startsWith("--")) {
            err.println("meridian verify-bundle: the first argument must be the bundle file");
            err.print(USAGE);
            return UNUSABLE;
        }
        Path bundle = Path.of(args.getFirst());
        Arguments options;
        try {
            options = Arguments.parse(args.subList(1, args.size()), Set.of("--trusted-keys"), Set.of("--json"));
        } catch (Arguments.UsageException e) {
            err.println("meridian verify-bundle: " + e.getMessage());
            return UNUSABLE;
        }
        var keysFile = options.value("--trusted-keys");
        if (keysFile.isEmpty()) {
            err.println("meridian verify-bundle: --trusted-keys KEYS is required; trust comes only from keys you pin");
            return UNUSABLE;
        }
        TrustedKeys keys;
        try {
            keys = readKeys(Path.of(keysFile.get()));
        } catch (IOException | AuditFormatException e) {
            err.println("meridian verify-bundle: trusted keys: " + e.getMessage());
            return UNUSABLE;
        }
        VerificationReport report;
        try {
            report = new BundleVerifier(keys).verify(bundle);
        } catch (IOException e) {
            err.println("meridian verify-bundle: cannot read " + bundle + ": " + e.getMessage());
            return UNUSABLE;
        }
        int status = report.unusable() ? UNUSABLE : report.verified() ? VERIFIED : TAMPERED;
        if (options.has("--json")) {
            out.println(ReportFormat.json(bundle, report, status));
        } else {
            out.print(ReportFormat.text(bundle, report));
        }
        return status;
    }

    private static TrustedKeys readKeys(Path file) throws IOException, AuditFormatException {
        if (Files.size(file) > MAX_KEYS_FILE) {
            throw new AuditFormatException(file.toString(), "is larger than " + MAX_KEYS_FILE + " bytes");
        }
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new AuditFormatException(file.toString(), "is not UTF-8 text");
        }
        return TrustedKeys.parse(content, file.toString());
    }
}
