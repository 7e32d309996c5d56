package io.meridian.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.meridian.api.v1.DecisionRequest;
import io.meridian.api.v1.Proposal;
import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.client.ActingIdentity;
import io.meridian.client.DecisionSigner;
import io.meridian.client.grpc.FailoverMapper;
import io.meridian.console.audit.AuditSettings;
import io.meridian.model.drill.Drill;
import io.meridian.model.drill.DrillState;
import io.meridian.model.drill.Measure;
import io.meridian.model.drill.MeasureVerdict;
import io.meridian.model.drill.TimelineKind;
import io.meridian.model.failover.DecisionDraft;
import io.meridian.model.failover.DecisionKind;
import io.meridian.model.session.Role;
import io.meridian.server.BackendServer;
import io.meridian.server.access.AccessPolicy;
import io.meridian.server.access.Identity;
import io.meridian.server.failover.FailoverPolicy;
import io.meridian.sim.ShippedScenarios;
import io.meridian.sim.SimulatedAuditLog;
import io.meridian.sim.SimulatedPlatform;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An incident commander starts the phase-7p region-outage drill on the drill screen, two operators approve the
 * failover it causes, and the report's figures agree with its timeline, on screen, in JSON and in the PDF. The
 * backend has an audit log (so the report names its checkpoint), half-second ticks, and demo identities: the
 * console acts as Carol, the incident commander. The approvals are signed and sent through the backend's failover
 * workflow in process, since the console's approve flow (failover-console) had not landed when this was written.
 */
@ExtendWith(ApplicationExtension.class)
class DrillScreenTest {
    private static final Duration TICK = Duration.ofMillis(500);

    private final Ed25519PrivateKey aliceKey = key(1);
    private final Ed25519PrivateKey bobKey = key(2);
    private final Map<String, Identity> people = Map.of(
            "alice", new Identity("alice", "Alice Operator", Set.of(Role.OPERATOR), aliceKey.publicKey()),
            "bob", new Identity("bob", "Bob Operator", Set.of(Role.OPERATOR), bobKey.publicKey()),
            "carol", new Identity("carol", "Carol Commander", Set.of(Role.INCIDENT_COMMANDER), key(3).publicKey()));
    private Path auditDir;
    private ConsoleOnSimulator console;

    @Start
    void start(Stage stage) throws Exception {
        auditDir = Files.createTempDirectory("drill-audit");
        var scenario = ShippedScenarios.load("phase-7p");
        var platform = new SimulatedPlatform(scenario, 7, TICK, Clock.systemUTC());
        var audit = SimulatedAuditLog.open(new SimulatedAuditLog.Options(auditDir, "drill test".toCharArray(), 5),
                "phase-7p", platform.topology().regions().stream().map(r -> r.id()).toList(), 7);
        var server = BackendServer.start(NettyServerBuilder.forAddress(new InetSocketAddress(
                        InetAddress.getLoopbackAddress(), 0)), platform, Clock.systemUTC(), List.of(), audit,
                FailoverPolicy.of(scenario, TICK.multipliedBy(5), TICK.multipliedBy(10)),
                AccessPolicy.demo(id -> Optional.ofNullable(people.get(id))));
        console = ConsoleOnSimulator.show(stage, server, backend -> backend,
                AuditSettings.unpinned("this test pins no keys"), "carol");
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void anIncidentCommanderRunsTheRegionOutageDrillAndGetsAReportThatAgreesWithItsTimeline(FxRobot robot)
            throws Exception {
        var drills = console.window().drills();
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

        var proposal = awaitProposal(drillId, "control-plane");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> drills.timeline().stream()
                .anyMatch(r -> r.kind().equals("proposal opened")));
        console.writeScreenshot("drill.png");

        var workflow = console.server().failover();
        var afterAlice = workflow.decide(people.get("alice"), sign(workflow.get(proposal.getId()), "alice",
                aliceKey)).getProposal();
        workflow.decide(people.get("bob"), sign(afterAlice, "bob", bobKey));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> drills.drillProperty().get().state().ended()
                && !drills.drillProperty().get().audit().checkpointNote().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        Drill report = drills.drillProperty().get();
        assertThat(report.state()).as(report.stateDetail()).isEqualTo(DrillState.COMPLETED);
        assertThat(drills.activeProperty().get()).as("drill mode ends with the drill").isFalse();
        var injected = entry(report, TimelineKind.FAULT_INJECTED, "").at();
        var detected = entry(report, TimelineKind.DETECTED, "").at();
        var recovered = entry(report, TimelineKind.RECOVERED, "control-plane").at();
        var decisive = report.timeline().stream().filter(e -> e.kind() == TimelineKind.DECISION && e.decisive())
                .findFirst().orElseThrow().at();
        var opened = entry(report, TimelineKind.PROPOSAL_OPENED, "control-plane").at();
        var rto = measure(report, "RTO", "control-plane");
        assertThat(rto.measured()).isEqualTo(Duration.between(injected, recovered));
        assertThat(rto.verdict()).isEqualTo(MeasureVerdict.PASS);
        assertThat(measure(report, "detection", "").measured()).isEqualTo(Duration.between(injected, detected));
        assertThat(measure(report, "time to decision", "control-plane").measured())
                .isEqualTo(Duration.between(opened, decisive));
        assertThat(report.startedBy()).isEqualTo("carol");
        assertThat(report.decisions()).extracting(d -> d.displayName())
                .containsExactly("Alice Operator", "Bob Operator");
        assertThat(report.audit().available()).isTrue();
        assertThat(report.audit().checkpointSize()).isGreaterThan(report.audit().entryIndexes().getLast());
        assertThat(robot.lookup("#drill-banner").queryLabeled().isVisible()).isFalse();
        console.writeScreenshot("drill-report.png");

        var pdf = Files.createTempFile("drill", ".pdf");
        var json = Files.createTempFile("drill", ".json");
        WaitForAsyncUtils.asyncFx(() -> drills.exportPdf(pdf)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> drills.messageProperty().get().startsWith("PDF"));
        WaitForAsyncUtils.asyncFx(() -> drills.exportJson(json)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> drills.messageProperty().get().startsWith("JSON"));
        String text;
        try (var document = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("DRILL REPORT: Region outage of us-east-1")
                .contains("RTO control-plane")
                .contains(io.meridian.console.drill.DrillTestText.duration(rto.measured()))
                .contains("APPROVED control-plane by Alice Operator")
                .contains("Audit record")
                .contains("meridian-simulator/audit/phase-7p");
        assertThat(Files.readString(json)).contains("\"measuredMillis\" : " + rto.measured().toMillis())
                .contains("\"checkpointSize\" : " + report.audit().checkpointSize());
    }

    private Proposal awaitProposal(String drillId, String clusterId) throws Exception {
        var workflow = console.server().failover();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workflow.list().stream()
                .anyMatch(p -> p.getClusterId().equals(clusterId) && p.getDrillId().equals(drillId)));
        return workflow.list().stream().filter(p -> p.getClusterId().equals(clusterId)).findFirst().orElseThrow();
    }

    private static io.meridian.model.drill.TimelineEntry entry(Drill d, TimelineKind kind, String subject) {
        return d.timeline().stream().filter(e -> e.kind() == kind && (subject.isEmpty()
                || e.subject().equals(subject))).findFirst().orElseThrow();
    }

    private static Measure measure(Drill d, String name, String subject) {
        return d.measures().stream().filter(m -> m.name().equals(name) && m.subject().equals(subject)).findFirst()
                .orElseThrow();
    }

    /** The decision a console would send: signed by {@link DecisionSigner}, mapped as the client maps it. */
    private static DecisionRequest sign(Proposal p, String who, Ed25519PrivateKey key) {
        var signer = new ActingIdentity(who, who, Set.of(Role.OPERATOR), key);
        return FailoverMapper.toProto(new DecisionSigner(Clock.systemUTC()).sign(new DecisionDraft(p.getId(),
                p.getVersion(), DecisionKind.APPROVE, "drill: us-east-1 lost", List.of()), signer));
    }

    private static Ed25519PrivateKey key(int seed) {
        var bytes = new byte[32];
        bytes[0] = (byte) seed;
        return Ed25519PrivateKey.fromSeed(bytes);
    }
}
