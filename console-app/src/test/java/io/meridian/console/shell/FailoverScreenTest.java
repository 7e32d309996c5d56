package io.meridian.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.failover.FailoverKind;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.ProposalState;
import io.meridian.model.topology.ReplicaRole;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The failover screen against the simulated phase-7p platform on a loopback socket, with a fast simulator tick: a
 * primary crashed through the simulator's control service is detected and its proposal arrives in the queue with its
 * dry run; the tab counts it from every view.
 */
@ExtendWith(ApplicationExtension.class)
class FailoverScreenTest {
    private static final String PRIMARY = "eu-db-fra-1";
    private ConsoleOnSimulator console;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        console = ConsoleOnSimulator.show(stage, "phase-7p", 7, Duration.ofMillis(250));
        window = console.window();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void aCrashedPrimaryArrivesAsAProposalWithItsDryRun(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> window.failover().viewModel().connectedProperty().get());
        console.backend().simulatorControl().crashReplica(PRIMARY, Duration.ofMinutes(10));

        var failover = window.failover().viewModel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.failover().viewModel().rows().stream()
                .anyMatch(r -> r.proposalProperty().get().oldPrimaryId().equals(PRIMARY)));
        assertThat(robot.lookup("#failover-badge").queryAs(Label.class).getText()).isEqualTo("1 OPEN");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.F).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#screens").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem().getId().equals("failover-tab"));
        Proposal proposal = failover.selectedProperty().get();
        assertThat(proposal.kind()).isEqualTo(FailoverKind.UNPLANNED_FAILOVER);
        assertThat(proposal.state()).isEqualTo(ProposalState.OPEN);
        assertThat(proposal.candidateId()).startsWith("eu-db-fra-");
        assertThat(robot.lookup("#proposal-title").queryAs(Label.class).getText()).contains(proposal.clusterId());
        var cluster = window.topology().topologyProperty().get().clusters().stream()
                .filter(c -> c.id().equals(proposal.clusterId())).findFirst().orElseThrow();
        assertThat(cluster.primary().map(r -> r.id())).contains(PRIMARY);
        assertThat(cluster.replicas().stream().filter(r -> r.role() == ReplicaRole.PRIMARY)).hasSize(1);
        // The anonymous viewer watches but may not decide, and the screen says why.
        assertThat(robot.lookup("#approve-button").queryAs(Button.class).isDisabled()).isTrue();
        console.writeScreenshot("failover-proposal.png");
    }
}
