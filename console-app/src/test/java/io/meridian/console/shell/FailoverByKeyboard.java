package io.meridian.console.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.client.ActingIdentity;
import io.meridian.console.failover.FailoverViewModel;
import io.meridian.model.session.Role;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A person at the console's Failover tab, by the keyboard only: opens the tab, picks a proposal in the queue,
 * switches who the console acts as among the demo team, and approves through the decision dialog (signed by the
 * console with the member's key, as a real decision is).
 */
record FailoverByKeyboard(FxRobot robot, Stage stage, FailoverViewModel failover) {
    /** The most arrow presses a proposal may be away in the queue. */
    private static final int QUEUE_STEPS = 20;

    FailoverByKeyboard(FxRobot robot, Stage stage, MainWindow window) {
        this(robot, stage, window.failover().viewModel());
    }

    /** The first member of {@code team} who holds {@code role}. */
    static ActingIdentity member(List<ActingIdentity> team, Role role) {
        return team.stream().filter(m -> m.roles().contains(role)).findFirst().orElseThrow();
    }

    /** The first member of the console's team who holds {@code role}. */
    ActingIdentity member(Role role) {
        return member(failover.identityChoices(), role);
    }

    /** Shortcut+Shift+F: the Failover tab, the focus in its queue. */
    void openTab() throws TimeoutException {
        robot.targetWindow(stage);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.F).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#main-tabs").queryAs(TabPane.class)
                .getSelectionModel().getSelectedItem().getId().equals("failover-tab"));
    }

    /** Opens the tab and moves through the queue with the arrow keys until the proposal for {@code clusterId}. */
    void selectProposalFor(String clusterId) throws TimeoutException {
        openTab();
        robot.type(KeyCode.HOME);
        for (int i = 0; i < QUEUE_STEPS && !selectedIs(clusterId); i++) {
            robot.type(KeyCode.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> selectedIs(clusterId));
    }

    private boolean selectedIs(String clusterId) {
        var p = failover.selectedProperty().get();
        return p != null && p.clusterId().equals(clusterId);
    }

    /** Chooses who the console acts as with the keyboard: Alt+I, then arrows until the member is shown. */
    void actAs(ActingIdentity who) throws TimeoutException {
        robot.targetWindow(stage);
        robot.press(KeyCode.ALT).type(KeyCode.I).release(KeyCode.ALT);
        var team = failover.identityChoices();
        int from = failover.actingProperty().get() == null ? -1 : team.indexOf(failover.actingProperty().get());
        int to = team.indexOf(who);
        for (int i = from; i != to; i += Integer.signum(to - from)) {
            robot.type(to > from ? KeyCode.DOWN : KeyCode.UP);
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> who.equals(failover.actingProperty().get()));
    }

    /**
     * Waits until {@code button} is enabled, presses Alt and its mnemonic {@code key}, waits for {@code dialog} and
     * types into its window from then on.
     */
    void openDialog(String button, KeyCode key, String dialog) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup(button).queryAs(Button.class).isDisabled());
        robot.press(KeyCode.ALT).type(key).release(KeyCode.ALT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(dialog).tryQuery().isPresent());
        robot.targetWindow(robot.lookup(dialog).query().getScene().getWindow());
    }

    /**
     * Approves the selected proposal with the keyboard: Alt+A, the reason, every override ticked, Alt+T and the
     * name of the replica it promotes (as the dialog shows it then), Enter. The simulated world moves on while the
     * dialog is open (a standby's health flickers, a check's verdict changes); the backend then refuses the decision
     * on the outdated version with "the proposal changed: review it again", the dialog says so, and the decider
     * reviews and approves again, as a person would.
     */
    void approve(String reason) throws Exception {
        for (int attempt = 1; ; attempt++) {
            openDialog("#approve-button", KeyCode.A, "#decision-dialog");
            robot.write(reason);
            for (var tick : robot.lookup(".override-tick").queryAllAs(CheckBox.class)) {
                // Focus moves to each tick as Tab would; Space ticks it.
                WaitForAsyncUtils.asyncFx(tick::requestFocus).get(5, TimeUnit.SECONDS);
                robot.type(KeyCode.SPACE);
            }
            robot.press(KeyCode.ALT).type(KeyCode.T).release(KeyCode.ALT);
            robot.write(failover.selectedProperty().get().candidateId());
            try {
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                        () -> !robot.lookup("#decision-send").queryAs(Button.class).isDisabled()
                                || changedMeanwhile());
            } catch (TimeoutException e) {
                throw new AssertionError("the decision could not be sent: "
                        + robot.lookup("#decision-dialog .command-why").queryLabeled().getText() + " (typed: '"
                        + robot.lookup("#decision-target").queryAs(TextInputControl.class).getText() + "')", e);
            }
            String refusal;
            if (changedMeanwhile()) {
                refusal = robot.lookup("#decision-dialog .command-why").queryLabeled().getText();
            } else {
                robot.type(KeyCode.ENTER);
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#decision-dialog").tryQuery()
                        .isEmpty() || !robot.lookup("#decision-error").queryLabeled().getText().isEmpty());
                refusal = robot.lookup("#decision-error").tryQuery().map(n -> ((Label) n).getText()).orElse("");
            }
            if (refusal.isEmpty()) {
                robot.targetWindow(stage);
                return;
            }
            assertThat(refusal).as("refused on attempt " + attempt).containsAnyOf("review it again",
                    "review the proposal again");
            assertThat(attempt).as(refusal).isLessThan(3);
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#decision-dialog").tryQuery()
                    .isEmpty());
            robot.targetWindow(stage);
        }
    }

    /**
     * Whether the labelled node {@code selector} shows {@code text}, read on the FX thread: a lookup from the test
     * thread can miss a node while the FX thread rebuilds the pane around it.
     */
    boolean shows(String selector, String text) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(selector).tryQuery()
                .map(n -> ((Labeled) n).getText().contains(text)).orElse(false)).get(5, TimeUnit.SECONDS);
    }

    /** True when the open dialog says the proposal changed under it. */
    private boolean changedMeanwhile() {
        return robot.lookup("#decision-dialog .command-why").tryQuery()
                .map(n -> ((Label) n).getText().contains("changed while this dialog was open")).orElse(false);
    }
}
