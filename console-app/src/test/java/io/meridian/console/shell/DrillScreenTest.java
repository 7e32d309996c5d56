package io.meridian.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.console.drill.DrillMode;
import io.meridian.console.drill.DrillTestText;
import io.meridian.console.topology.RegionRow;
import io.meridian.model.drill.Drill;
import io.meridian.model.drill.DrillState;
import io.meridian.model.drill.Measure;
import io.meridian.model.drill.MeasureVerdict;
import io.meridian.model.drill.TimelineEntry;
import io.meridian.model.drill.TimelineKind;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.ProposalState;
import io.meridian.model.session.Role;
import io.meridian.sim.SimulatedAuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An incident commander starts the phase-7p region-outage drill on the drill screen, approves the failover it
 * causes on the Failover tab together with an operator of the demo team (the console switching who it acts as and
 * signing each decision with that member's key, by the keyboard), and gets a report whose figures agree with its
 * timeline, on screen, in JSON and in the PDF. While the drill runs, the Operations tab marks its region on the map
 * and in the region list; the marks go with the drill. The backend keeps an audit log (so the report names its
 * checkpoint) and ticks every half second.
 */
@ExtendWith(ApplicationExtension.class)
class DrillScreenTest {
    private static final Duration TICK = Duration.ofMillis(500);
    private static final String CLUSTER = "control-plane";
    private static final String REGION = "us-east-1";

    @TempDir
    Path auditDir;
    private Stage stage;
    private ConsoleOnSimulator console;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        console = ConsoleOnSimulator.show(stage, "phase-7p", 7, TICK,
                new SimulatedAuditLog.Options(auditDir, "drill test".toCharArray(), 5));
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void anIncidentCommanderRunsTheRegionOutageDrillApprovesItsFailoverAndGetsAReportThatAgreesWithItsTimeline(
            FxRobot robot) throws Exception {
        var drills = console.window().drills();
        var keyboard = new FailoverByKeyboard(robot, stage, console.window());
        var commander = keyboard.member(Role.INCIDENT_COMMANDER);
        var operator = keyboard.member(Role.OPERATOR);
        assertThat(console.window().failover().viewModel().actingProperty().get()).isEqualTo(commander);

        robot.clickOn("Drills");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#drill-start").queryButton()
                .isDisabled() == false);
        robot.clickOn("#drill-start");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> drills.activeProperty().get()
                && !drills.bannerProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        var drillId = drills.drillProperty().get().id();
        assertThat(robot.lookup("#drill-banner").queryLabeled().getText()).contains("DRILL IN PROGRESS")
                .contains("NOT A REAL INCIDENT");
        assertThat(console.window().root().getPseudoClassStates()).anyMatch(p -> p.getPseudoClassName()
                .equals("drill"));

        awaitProposal(drillId);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> drills.timeline().stream()
                .anyMatch(r -> r.kind().equals("proposal opened")));
        console.writeScreenshot("drill.png");

        robot.clickOn("Operations");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> badgedRegions(robot).equals(List.of(REGION)));
        assertThat(drillVioletPixels(robot)).as("the drill ring and badge on the map").isGreaterThan(150);
        console.writeScreenshot("drill-map.png");

        keyboard.selectProposalFor(CLUSTER);
        var failover = console.window().failover().viewModel();
        keyboard.actAs(operator);
        keyboard.approve("drill: " + REGION + " lost; the candidate is in sync (first approver)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> failover.selectedProperty().get().approvals().size()
                == 1);
        keyboard.actAs(commander);
        keyboard.approve("drill: failover of the control plane confirmed (incident commander)");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () ->
                failover.selectedProperty().get().state() == ProposalState.SUCCEEDED);
        var decided = failover.selectedProperty().get();
        assertThat(decided.drillId()).isEqualTo(drillId);
        assertThat(decided.decisions()).extracting(d -> d.identity()).containsExactly(operator.id(), commander.id());
        assertThat(decided.decisions()).allSatisfy(d -> assertThat(d.signature()).hasSize(64));

        robot.clickOn("Drills");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> drills.drillProperty().get().state().ended()
                && !drills.drillProperty().get().audit().checkpointNote().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        Drill report = drills.drillProperty().get();
        assertThat(report.state()).as(report.stateDetail()).isEqualTo(DrillState.COMPLETED);
        assertThat(drills.activeProperty().get()).as("drill mode ends with the drill").isFalse();
        var injected = entry(report, TimelineKind.FAULT_INJECTED, "").at();
        var detected = entry(report, TimelineKind.DETECTED, "").at();
        var recovered = entry(report, TimelineKind.RECOVERED, CLUSTER).at();
        var decisive = report.timeline().stream().filter(e -> e.kind() == TimelineKind.DECISION && e.decisive())
                .findFirst().orElseThrow().at();
        var opened = entry(report, TimelineKind.PROPOSAL_OPENED, CLUSTER).at();
        var rto = measure(report, "RTO", CLUSTER);
        assertThat(rto.measured()).isEqualTo(Duration.between(injected, recovered));
        assertThat(rto.verdict()).isEqualTo(MeasureVerdict.PASS);
        assertThat(measure(report, "detection", "").measured()).isEqualTo(Duration.between(injected, detected));
        assertThat(measure(report, "time to decision", CLUSTER).measured())
                .isEqualTo(Duration.between(opened, decisive));
        assertThat(report.startedBy()).isEqualTo(commander.id());
        assertThat(report.decisions()).extracting(d -> d.displayName())
                .containsExactly(operator.displayName(), commander.displayName());
        assertThat(report.audit().available()).isTrue();
        assertThat(report.audit().checkpointSize()).isGreaterThan(report.audit().entryIndexes().getLast());
        assertThat(robot.lookup("#drill-banner").queryLabeled().isVisible()).isFalse();
        console.writeScreenshot("drill-report.png");
        robot.clickOn("Operations");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> badgedRegions(robot).isEmpty());
        assertThat(drillVioletPixels(robot)).as("no drill mark on the map once the drill ended").isZero();

        var pdf = Files.createTempFile(auditDir, "drill", ".pdf");
        var json = Files.createTempFile(auditDir, "drill", ".json");
        WaitForAsyncUtils.asyncFx(() -> drills.exportPdf(pdf)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> drills.messageProperty().get().startsWith("PDF"));
        WaitForAsyncUtils.asyncFx(() -> drills.exportJson(json)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> drills.messageProperty().get().startsWith("JSON"));
        String text;
        try (var document = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("DRILL REPORT: Region outage of " + REGION)
                .contains("RTO " + CLUSTER)
                .contains(DrillTestText.duration(rto.measured()))
                .contains("APPROVED " + CLUSTER + " by " + operator.displayName())
                .contains("APPROVED " + CLUSTER + " by " + commander.displayName())
                .contains("Audit record")
                .contains("meridian-simulator/audit/phase-7p");
        assertThat(Files.readString(json)).contains("\"measuredMillis\" : " + rto.measured().toMillis())
                .contains("\"checkpointSize\" : " + report.audit().checkpointSize());
    }

    /** Waits until the console's failover queue shows the drill's proposal for {@link #CLUSTER}. */
    private void awaitProposal(String drillId) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> drillProposal(drillId) != null);
    }

    private Proposal drillProposal(String drillId) {
        return console.window().failover().viewModel().rows().stream().map(r -> r.proposalProperty().get())
                .filter(p -> p.clusterId().equals(CLUSTER) && p.drillId().equals(drillId)).findFirst()
                .orElse(null);
    }

    /** The regions whose line in the region list carries the drill badge. */
    private static List<String> badgedRegions(FxRobot robot) {
        return robot.lookup("#region-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() instanceof RegionRow && c.lookup(".drill-badge").isVisible())
                .map(c -> ((RegionRow) c.getItem()).region().id()).toList();
    }

    /** How many pixels of the map are the drill violet (the ring and badge of a drilled region). */
    private static long drillVioletPixels(FxRobot robot) throws Exception {
        var map = robot.lookup("#world-map").query();
        var image = WaitForAsyncUtils.asyncFx(() -> map.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        var pixels = image.getPixelReader();
        var violet = DrillMode.VIOLET;
        long count = 0;
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                var c = pixels.getColor(x, y);
                if (Math.abs(c.getRed() - violet.getRed()) < 0.06 && Math.abs(c.getGreen() - violet.getGreen()) < 0.06
                        && Math.abs(c.getBlue() - violet.getBlue()) < 0.06) {
                    count++;
                }
            }
        }
        return count;
    }

    private static TimelineEntry entry(Drill d, TimelineKind kind, String subject) {
        return d.timeline().stream().filter(e -> e.kind() == kind && (subject.isEmpty()
                || e.subject().equals(subject))).findFirst().orElseThrow();
    }

    private static Measure measure(Drill d, String name, String subject) {
        return d.measures().stream().filter(m -> m.name().equals(name) && m.subject().equals(subject)).findFirst()
                .orElseThrow();
    }
}
