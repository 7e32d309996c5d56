package io.meridian.audit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.meridian.audit.Finding;
import io.meridian.audit.VerificationReport;
import java.nio.file.Path;

/**
 * A verification report for people (a verdict first, then every finding by entry) and for machines (JSON with the
 * same content and the exit status). Messages from the bundle are printed as they are; they never contain control
 * characters because every parser refuses them.
 */
final class ReportFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFormat() {
    }

    static String text(Path bundle, VerificationReport report) {
        var out = new StringBuilder();
        out.append("Evidence bundle: ").append(bundle).append('\n');
        if (report.unusable()) {
            out.append("Result: UNUSABLE INPUT, nothing was verified\n");
            report.findings().forEach(f -> out.append("  ").append(f.message()).append('\n'));
            return out.toString();
        }
        out.append("Log: ").append(report.origin()).append('\n');
        var current = report.currentCheckpoint();
        out.append("Checkpoints verified: ").append(report.checkpointsVerified());
        if (current != null) {
            out.append("; current: size ").append(current.size()).append(", root ").append(current.root().hex());
        } else {
            out.append("; the current (last) checkpoint did not verify, so entries were not proved against a root");
        }
        out.append('\n');
        out.append("Entries checked: ").append(report.entriesChecked()).append('\n');
        if (report.verified()) {
            out.append("Result: VERIFIED: every signature, link and proof holds\n");
            return out.toString();
        }
        out.append("Result: TAMPERING FOUND: ").append(report.totalFindings()).append(" finding(s)\n");
        report.counts().forEach((c, n) -> out.append(String.format("  %-30s %8d  %s%n", c, n, c.description())));
        out.append("Findings:\n");
        for (Finding f : report.findings()) {
            out.append("  ").append(f).append('\n');
        }
        if (report.findings().size() < report.totalFindings()) {
            out.append("  ... ").append(report.totalFindings() - report.findings().size())
                    .append(" more not listed\n");
        }
        return out.toString();
    }

    static String json(Path bundle, VerificationReport report, int status) {
        var root = JSON.createObjectNode();
        root.put("bundle", bundle.toString());
        root.put("result", report.unusable() ? "unusable" : report.verified() ? "verified" : "tampered");
        root.put("exitStatus", status);
        root.put("origin", report.origin());
        var current = report.currentCheckpoint();
        if (current == null) {
            root.putNull("currentCheckpoint");
        } else {
            root.putObject("currentCheckpoint").put("size", current.size()).put("root", current.root().hex());
        }
        root.put("checkpointsVerified", report.checkpointsVerified());
        root.put("entriesChecked", report.entriesChecked());
        root.put("findingsTotal", report.totalFindings());
        var counts = root.putObject("counts");
        report.counts().forEach((c, n) -> counts.put(c.name(), n));
        var findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            var node = findings.addObject().put("class", f.tamperClass().name());
            if (f.entryIndex() != Finding.NO_ENTRY) {
                node.put("entryIndex", f.entryIndex());
            } else {
                node.putNull("entryIndex");
            }
            node.put("message", f.message());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
