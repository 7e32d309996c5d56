package io.meridian.console.failover;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.failover.PhaseRecord;
import io.meridian.model.failover.PhaseStatus;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.ProposalState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The execution timeline of a failed run names the failing phase; a succeeded run shows RTO and RPO against their
 * targets.
 */
@ExtendWith(ApplicationExtension.class)
class ExecutionViewTest {
    private static final Instant START = Proposals.OPENED.plusSeconds(60);
    private final VBox root = new VBox(20);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        root.setPadding(new Insets(16));
        var scene = new Scene(root, 1000, 640);
        scene.getStylesheets().addAll(Objects.requireNonNull(
                FailoverPane.class.getResource("/io/meridian/console/meridian.css")).toExternalForm(),
                FailoverPane.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    private static Proposal ran(ProposalState state, List<PhaseRecord> phases, Duration rto, Duration rpo) {
        var open = Proposals.open(3, List.of());
        return new Proposal(open.id(), open.version(), open.clusterId(), open.kind(), state, state
                == ProposalState.FAILED ? "PROMOTE failed" : "", open.oldPrimaryId(), open.candidateId(),
                open.openedBy(), open.openedAt(), open.failureSeenAt(), open.dryRun(), 2,
                List.of(Proposals.approvalBy(Proposals.DANA, 1), Proposals.approvalBy(Proposals.OMAR, 1)), phases,
                rto, rpo, 2048, "", null);
    }

    private static PhaseRecord phase(ExecutionPhase phase, PhaseStatus status, int from, int to, String detail) {
        return new PhaseRecord(phase, status, from < 0 ? null : START.plusSeconds(from),
                to < 0 ? null : START.plusSeconds(to), detail);
    }

    @Test
    void aFailedRunNamesItsPhaseAndASucceededOneItsMeasurements(FxRobot robot) throws Exception {
        var failed = ran(ProposalState.FAILED, List.of(
                phase(ExecutionPhase.FENCE, PhaseStatus.DONE, 0, 2, "eu-db-fra-1 stopped through the provider's API"),
                phase(ExecutionPhase.PROMOTE, PhaseStatus.FAILED, 2, 9, "eu-db-fra-2 did not leave recovery"),
                phase(ExecutionPhase.REROUTE, PhaseStatus.SKIPPED, -1, -1, ""),
                phase(ExecutionPhase.VERIFY_HEALTH, PhaseStatus.SKIPPED, -1, -1, ""),
                phase(ExecutionPhase.CHECK_CONSISTENCY, PhaseStatus.SKIPPED, -1, -1, "")), null, null);
        var succeeded = ran(ProposalState.SUCCEEDED, List.of(
                phase(ExecutionPhase.FENCE, PhaseStatus.DONE, 0, 2, "fenced"),
                phase(ExecutionPhase.PROMOTE, PhaseStatus.DONE, 2, 5, "promoted"),
                phase(ExecutionPhase.REROUTE, PhaseStatus.DONE, 5, 6, "replicas follow eu-db-fra-2"),
                phase(ExecutionPhase.VERIFY_HEALTH, PhaseStatus.DONE, 6, 9, "healthy"),
                phase(ExecutionPhase.CHECK_CONSISTENCY, PhaseStatus.DONE, 9, 10, "consistent")),
                Duration.ofSeconds(95), Duration.ofMillis(300));
        WaitForAsyncUtils.asyncFx(() -> root.getChildren().setAll(new ExecutionView(failed, START.plusSeconds(20)),
                new ExecutionView(succeeded, START.plusSeconds(20)))).get();
        WaitForAsyncUtils.waitForFxEvents();

        var results = robot.lookup("#execution-result").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(results.getFirst()).contains("PROMOTE THE CANDIDATE").contains("did not leave recovery");
        assertThat(results.get(1)).contains("eu-db-fra-2 is the primary");
        assertThat(robot.lookup("#measured").tryQuery()).isPresent();
        FailoverScreenshots.write(stage, "target/screenshots/execution-view.png");
    }
}
