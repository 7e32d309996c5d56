package io.meridian.console.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillReportPdfTest {
    @Test
    void aDrillRunFasterThanRealTimeSaysSoOnPaperWithBothDurations(@TempDir Path dir) throws Exception {
        var drill = DrillSamples.waitingForDecision();
        var file = dir.resolve("drill.pdf");
        DrillReportPdf.write(drill, file);
        String text;
        try (var document = Loader.loadPDF(file.toFile())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("DRILL REPORT: Region outage of us-east-1")
                .contains("1 min 40 s of simulated platform time")
                .contains("×20.0 faster than real time")
                .contains("5.0 s on the wall")
                .contains("detection").contains("12.0 s").contains("(wall 600 ms)").contains("PASS")
                .contains("no audit log");
    }
}
