package io.meridian.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.audit.Checkpoint;
import io.meridian.audit.EntryCodec;
import io.meridian.audit.NoteSigner;
import io.meridian.audit.SignedNote;
import io.meridian.audit.TreeHasher;
import io.meridian.console.audit.AuditSettings;
import io.meridian.console.audit.TrustRoots;
import io.meridian.console.embedded.EmbeddedAudit;
import io.meridian.console.telemetry.AlertRow;
import io.meridian.console.telemetry.Severity;
import io.meridian.model.session.Role;
import io.meridian.server.audit.BackendAudit;
import io.meridian.server.audit.SigningKeyFile;
import io.meridian.sim.ShippedScenarios;
import io.meridian.sim.SimulatedAuditLog;
import io.meridian.sim.SimulatedBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The auditor's tab against a simulated backend with an audit log on a loopback socket: verify the log and look up
 * a query id; then a backend that signs a second checkpoint of a size already seen raises the alarm.
 */
@ExtendWith(ApplicationExtension.class)
class AuditScreenTest {
    private static final char[] PASSPHRASE = "audit-screen-test".toCharArray();

    @TempDir
    Path dir;
    private ConsoleOnSimulator console;
    private ForkingBackend backend;
    private BackendAudit audit;

    @Start
    void start(Stage stage) throws Exception {
        var scenario = ShippedScenarios.load("quasim-phase-vii");
        var options = SimulatedBackend.Options.embedded(scenario, 3);
        var opened = SimulatedBackend.openAudit(options, new SimulatedAuditLog.Options(dir.resolve("log"),
                PASSPHRASE, 400));
        // A checkpoint every 200 ms instead of 30 s, and a poll every 300 ms, so that the test sees the log grow.
        audit = new BackendAudit(opened.log(), opened.source(), opened.checkpointKeys(), opened.regionSigners(),
                Duration.ofMillis(200));
        var server = SimulatedBackend.start(options, audit);
        var settings = new AuditSettings(TrustRoots.pinned(EmbeddedAudit.trustedKeys(audit), "the test's keys"),
                dir.resolve("checkpoints"), Duration.ofMillis(300));
        // Reading entries is the auditors' business: the console acts as the team's auditor.
        console = ConsoleOnSimulator.show(stage, server, real -> backend = new ForkingBackend(real), settings,
                ConsoleOnSimulator.member(scenario, Role.AUDITOR));
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void waitFor(FxRobot robot, String id, String prefix) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text(robot, id).startsWith(prefix));
    }

    @Test
    void verifiesTheLogAndLooksUpAQueryIdWithItsInclusionProof(FxRobot robot) throws Exception {
        robot.clickOn("Audit");
        waitFor(robot, "#audit-checkpoint", "Latest verified checkpoint");
        assertThat(text(robot, "#audit-trust")).isEqualTo("✔ Trust roots: 1 checkpoint key, 3 region keys pinned "
                + "in the test's keys. The console never takes keys from the backend.");

        robot.clickOn("#last-entry").write("999999999").type(KeyCode.ENTER);
        waitFor(robot, "#verification-result", "Entries 0 to ");
        assertThat(text(robot, "#verification-result")).endsWith("entry 999999999 is beyond it.");
        robot.doubleClickOn("#last-entry").eraseText(9).write("99").type(KeyCode.ENTER);
        waitFor(robot, "#verification-result", "✔ Verified entries 0 to 99 ");

        robot.clickOn("#verify-whole-log");
        waitFor(robot, "#verification-result", "✔ Verified entries 0 to ");
        assertThat(text(robot, "#verification-progress-text")).contains("entries/s");

        // The keyboard alone: type the query id and press Enter.
        var queryId = EntryCodec.decode(backend.audit().entries(0, 1).getFirst()).entry().queryId();
        robot.clickOn("#query-id").write(queryId).type(KeyCode.ENTER);
        waitFor(robot, "#lookup-result", "✔ Entry 0 is in the log");
        console.writeScreenshot("auditor.png");
    }

    @Test
    void aSecondCheckpointOfASizeAlreadySeenRaisesTheAlarm(FxRobot robot) throws Exception {
        // Hold the log still at a size the console verifies first.
        var honest = backend.audit().latestCheckpoint();
        var checkpoint = Checkpoint.parse(SignedNote.parse(honest).text());
        backend.serve(honest);
        robot.clickOn("Audit");
        waitFor(robot, "#audit-checkpoint", "Latest verified checkpoint: size " + String.format("%,d",
                checkpoint.size()));

        // The same size with another root, signed with the log's real key: a fork.
        var key = SigningKeyFile.read(dir.resolve("log").resolve("keys").resolve("checkpoint.key"), PASSPHRASE);
        var forged = new Checkpoint(checkpoint.origin(), checkpoint.size(), TreeHasher.leaf(new byte[] {1}));
        backend.serve(SignedNote.sign(forged.format(), List.of(NoteSigner.of(checkpoint.origin(), key))).format());
        waitFor(robot, "#audit-alarm", "✖ Audit log FORK: two checkpoints of size " + checkpoint.size());
        assertThat(robot.lookup("#audit-alarm").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#main-tabs").queryAs(TabPane.class).getTabs().get(1).getText())
                .isEqualTo("Audit ✖ ALARM");
        ListView<AlertRow> alerts = robot.lookup("#alert-list").queryListView();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> alerts.getItems().stream().anyMatch(row ->
                row.severityProperty().get() == Severity.CRITICAL && row.whatProperty().get().contains("FORK")));
        try (var files = Files.list(dir.resolve("checkpoints"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".fork.evidence"))).hasSize(1);
        }
    }
}
