package io.meridian.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.failover.FailoverKind;
import io.meridian.model.failover.PhaseStatus;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.ProposalState;
import io.meridian.model.session.Role;
import io.meridian.model.topology.Replica;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
 * primary crashed through the simulator's control service is detected, its proposal arrives in the queue with its dry
 * run, two people of the demo team approve it (one console switching who it acts as, by the keyboard), the phases
 * run, and the topology shows the candidate as the new primary.
 */
@ExtendWith(ApplicationExtension.class)
class FailoverScreenTest {
    private static final String PRIMARY = "eu-db-fra-1";
    private ConsoleOnSimulator console;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        console = ConsoleOnSimulator.show(stage, "phase-7p", 7, Duration.ofMillis(250));
        window = console.window();
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void aCrashedPrimaryIsApprovedByTwoPeopleAndTheCandidateBecomesPrimary(FxRobot robot) throws Exception {
        var failover = window.failover().viewModel();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> failover.connectedProperty().get());
        console.backend().simulatorControl().crashReplica(PRIMARY, Duration.ofMinutes(10));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> failover.rows().stream()
                .anyMatch(r -> r.proposalProperty().get().oldPrimaryId().equals(PRIMARY)));
        assertThat(robot.lookup("#failover-badge").queryAs(Label.class).getText()).isEqualTo("1 OPEN");

        var keyboard = new FailoverByKeyboard(robot, stage, window);
        keyboard.openTab();
        Proposal proposal = failover.selectedProperty().get();
        assertThat(proposal.kind()).isEqualTo(FailoverKind.UNPLANNED_FAILOVER);
        assertThat(proposal.state()).isEqualTo(ProposalState.OPEN);
        assertThat(proposal.approvalsRequired()).isEqualTo(2);
        var candidate = proposal.candidateId();
        assertThat(candidate).startsWith("eu-db-fra-").isNotEqualTo(PRIMARY);
        assertThat(robot.lookup("#proposal-title").queryAs(Label.class).getText()).contains(proposal.clusterId());
        console.writeScreenshot("failover-proposal.png");

        var operator = keyboard.member(Role.OPERATOR);
        var commander = keyboard.member(Role.INCIDENT_COMMANDER);
        keyboard.actAs(operator);
        keyboard.approve("eu-db-fra-1 crashed; fra-2 is in sync (first approver)");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> failover.selectedProperty().get().approvals().size()
                == 1);
        assertThat(failover.messageProperty().get()).contains("1 of 2 approvals");
        // The same person may not approve twice: the console says so before the backend would.
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> robot.lookup("#approve-button").queryAs(Button.class).isDisabled()
                        && keyboard.shows("#approve-why", "already decided"));

        keyboard.actAs(commander);
        keyboard.approve("confirmed with the on-call DBA (second approver)");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () ->
                failover.selectedProperty().get().state() == ProposalState.SUCCEEDED);
        var done = failover.selectedProperty().get();
        assertThat(done.phases()).allMatch(p -> p.status() == PhaseStatus.DONE);
        assertThat(done.measuredRtoValue()).isPresent();
        assertThat(done.decisions()).extracting(d -> d.identity()).containsExactly(operator.id(), commander.id());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.topology().topologyProperty().get().clusters()
                .stream().filter(c -> c.id().equals(done.clusterId())).findFirst().orElseThrow().primary()
                .map(Replica::id).filter(candidate::equals).isPresent());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> keyboard.shows("#execution-result", "Succeeded"));
        console.writeScreenshot("failover-execution.png");
    }

    @Test
    void aPlannedSwitchoverWhereMeridianPicksTheCandidateOpensAProposal(FxRobot robot) throws Exception {
        var failover = window.failover().viewModel();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> failover.connectedProperty().get()
                && window.topology().topologyProperty().get() != null);
        var keyboard = new FailoverByKeyboard(robot, stage, window);
        keyboard.openTab();
        keyboard.openDialog("#switchover-button", KeyCode.S, "#switchover-dialog");
        robot.press(KeyCode.ALT).type(KeyCode.E).release(KeyCode.ALT);
        robot.write("kernel patching on the primary's host, CHG-2211");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> !robot.lookup("#switchover-best").queryAs(Button.class).isDisabled());
        robot.press(KeyCode.ALT).type(KeyCode.M).release(KeyCode.ALT);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#switchover-dialog").tryQuery()
                .isEmpty());
        robot.targetWindow(stage);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> failover.selectedProperty().get() != null
                && failover.selectedProperty().get().kind() == FailoverKind.PLANNED_SWITCHOVER);
        var opened = failover.selectedProperty().get();
        assertThat(opened.state()).isEqualTo(ProposalState.OPEN);
        assertThat(opened.openedBy()).contains("camila.souza");
        assertThat(opened.candidateId()).isNotEqualTo(opened.oldPrimaryId()).isNotEmpty();
        assertThat(failover.messageProperty().get()).startsWith("Switchover requested");
    }
}
