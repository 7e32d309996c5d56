package io.meridian.console.drill;

import io.meridian.model.drill.Drill;
import io.meridian.model.drill.Measure;
import io.meridian.model.drill.MeasureVerdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * A drill's report on paper: what ran and how it ended, the measures against their targets with pass or fail, who
 * decided what, the steps, the timeline, and the audit checkpoint that covers the drill's entries. Platform-time
 * and wall-clock durations are labelled as such.
 */
final class DrillReportPdf {
    private static final float[] MEASURE_COLUMNS = {120, 80, 80, 55, 160};
    private static final float[] TIMELINE_COLUMNS = {55, 110, 330};
    private static final float[] STEP_COLUMNS = {20, 150, 65, 260};

    private DrillReportPdf() {
    }

    static void write(Drill d, Path file) throws IOException {
        try (var document = new PDDocument()) {
            var info = document.getDocumentInformation();
            info.setTitle("Meridian drill report: " + d.title());
            info.setCreator("Meridian console");
            try (var pdf = new PdfLayout(document, "Meridian drill report " + d.id())) {
                body(d, pdf);
            }
            document.save(file.toFile());
        }
    }

    private static void body(Drill d, PdfLayout pdf) throws IOException {
        pdf.heading("DRILL REPORT: " + d.title(), 16);
        pdf.paragraph("This was a disaster-recovery drill, not a real incident. Everything it caused carries drill "
                + "id " + d.id() + ".", pdf.regular, 9, 0);
        pdf.space(4);
        pdf.paragraph("Outcome: " + DrillText.words(d.outcome()).toUpperCase() + "     State: "
                + DrillText.words(d.state()), pdf.bold, 12, 0);
        if (!d.stateDetail().isEmpty()) {
            pdf.paragraph(d.stateDetail(), pdf.regular, 9, 0);
        }
        pdf.paragraph("Type: " + d.type().label() + (d.runbookName().isEmpty() ? "" : " (runbook " + d.runbookName()
                + ")") + "     Targets: " + String.join(", ", d.targets()), pdf.regular, 10, 0);
        pdf.paragraph("Declared faults: " + String.join("; ", d.declaredFaults()), pdf.regular, 10, 0);
        pdf.paragraph("Started by " + d.startedBy() + " at " + DrillText.utc(d.startedAt())
                + (d.endedAt() == null ? "" : ", ended " + DrillText.utc(d.endedAt())), pdf.regular, 10, 0);
        boolean fast = d.speed() > 1.05;
        pdf.paragraph("Duration: " + DrillText.duration(d.platformElapsed()) + (fast ? " of simulated platform time "
                        + "(the simulator ran " + DrillText.speed(d.speed()) + " faster than real time), "
                        + DrillText.duration(d.wallElapsed()) + " on the wall clock"
                        : " (platform time; wall clock " + DrillText.duration(d.wallElapsed()) + ")"),
                pdf.regular, 10, 0);

        pdf.heading("Measured against targets", 13);
        pdf.row(List.of("Measure", fast ? "Measured (sim.)" : "Measured", "Target", "Result", "Target from / note"),
                MEASURE_COLUMNS, pdf.bold, 9);
        pdf.rule();
        for (var m : d.measures()) {
            pdf.row(List.of(m.label(), DrillText.duration(m.measured()) + (fast && m.wallMeasured() != null
                            ? "\n(wall " + DrillText.duration(m.wallMeasured()) + ")" : ""),
                    m.target() == null ? "none" : DrillText.duration(m.target()), verdict(m),
                    m.targetBasis() + (m.note().isEmpty() ? "" : "; " + m.note())), MEASURE_COLUMNS, pdf.regular, 9);
        }

        pdf.heading("Who decided what", 13);
        if (d.decisions().isEmpty()) {
            pdf.paragraph("No failover decisions were taken in this drill.", pdf.regular, 10, 0);
        }
        for (var x : d.decisions()) {
            pdf.paragraph((x.approved() ? "APPROVED " : "REJECTED ") + x.clusterId() + " by " + x.displayName()
                    + " (" + x.identity() + ") at " + DrillText.utc(x.decidedAt()) + ", " + DrillText.offset(
                    d.startedAt(), x.decidedAt()) + ": " + x.reason(), pdf.regular, 10, 0);
        }

        pdf.heading("Steps", 13);
        for (int i = 0; i < d.steps().size(); i++) {
            var s = d.steps().get(i);
            pdf.row(List.of(Integer.toString(i + 1), s.title(), DrillText.words(s.status()).toUpperCase(),
                    (s.confirmedBy().isEmpty() ? "" : "confirmed by " + s.confirmedBy() + ". ") + s.detail()),
                    STEP_COLUMNS, pdf.regular, 9);
        }

        pdf.heading("Timeline (" + (fast ? "simulated platform time" : "platform time") + " from the start, "
                + DrillText.utc(d.startedAt()) + ")", 13);
        for (var e : d.timeline().stream().sorted(Comparator.comparing(e -> e.at())).toList()) {
            pdf.row(List.of(DrillText.offset(d.startedAt(), e.at()), e.kind().label() + (e.actor().isEmpty() ? ""
                    : "\n" + e.actor()), (e.subject().isEmpty() ? "" : e.subject() + ": ") + e.detail()),
                    TIMELINE_COLUMNS, pdf.regular, 8.5f);
        }

        pdf.heading("Audit record", 13);
        pdf.paragraph(d.audit().detail(), pdf.regular, 10, 0);
        if (d.audit().available()) {
            pdf.paragraph("Entries: " + d.audit().entryIndexes().size() + " (indexes "
                    + (d.audit().entryIndexes().isEmpty() ? "none" : d.audit().entryIndexes().getFirst() + " to "
                    + d.audit().entryIndexes().getLast()) + "); checkpoint tree size " + d.audit().checkpointSize()
                    + ". Verify offline with: meridian verify-bundle", pdf.regular, 10, 0);
            pdf.space(4);
            pdf.paragraph(d.audit().checkpointNote(), pdf.mono, 8, 10);
        }
    }

    private static String verdict(Measure m) {
        return m.verdict() == MeasureVerdict.NOT_APPLICABLE ? "n/a" : m.verdict().name();
    }
}
