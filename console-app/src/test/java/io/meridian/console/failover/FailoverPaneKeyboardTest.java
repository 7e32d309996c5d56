package io.meridian.console.failover;

import static io.meridian.console.failover.Proposals.DANA;
import static io.meridian.console.failover.Proposals.OMAR;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import io.meridian.client.ActingIdentities;
import io.meridian.client.DecisionSigner;
import io.meridian.client.StreamStatus;
import io.meridian.console.tasks.CurrentThread;
import io.meridian.model.failover.ProposalEvent;
import io.meridian.model.topology.Topology;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The failover pane driven by the keyboard alone, against an in-memory backend: mnemonics open the approve dialog,
 * focus moves through the override tick, the reason and the target's name, Enter sends, and a second operator
 * (switched to with the keyboard too) sees that one approval is in.
 */
@ExtendWith(ApplicationExtension.class)
class FailoverPaneKeyboardTest {
    private final Clock clock = Clock.systemUTC();
    private final ProposalStore store = new ProposalStore(clock);
    private FakeFailoverClient client;
    private FailoverViewModel viewModel;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        var proposal = Proposals.open(1, List.of(Proposals.pass("data-residency"), Proposals.warn("lag-gate", "")));
        client = new FakeFailoverClient(proposal);
        var team = ActingIdentities.demoTeam(List.of(DANA, OMAR), Optional.of(DANA));
        viewModel = new FailoverViewModel(client, team, store,
                new CurrentThread(), new DecisionSigner(clock), new SimpleObjectProperty<Topology>(),
                replica -> Optional.of(new LiveLag.Reading("eu-db-fra-1", 0.3, 2048, clock.instant())));
        store.onStatus(new StreamStatus.Live(clock.instant()));
        store.onEvent(new ProposalEvent.Changed(clock.instant(), proposal));
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        var pane = new FailoverPane(viewModel);
        var scene = new Scene(pane, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                FailoverPane.class.getResource("/io/meridian/console/meridian.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
        viewModel.pulse(clock.instant());
        pane.focusQueue();
    }

    @Test
    void approvingWithTheKeyboardAloneSendsOneSignedDecision(FxRobot robot) throws Exception {
        robot.press(KeyCode.ALT).type(KeyCode.A).release(KeyCode.ALT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#decision-reason").tryQuery().isPresent());
        // Typed text goes to the robot's target window: the dialog, where the focus is.
        robot.targetWindow(robot.lookup("#decision-dialog").query().getScene().getWindow());
        robot.write("primary confirmed dead, INC-4411");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT).type(KeyCode.SPACE);
        robot.press(KeyCode.ALT).type(KeyCode.T).release(KeyCode.ALT);
        robot.write("eu-db-fra-2");
        assertThat(robot.lookup("#decision-send").queryAs(Button.class).isDisabled())
                .as(robot.lookup(".command-why").queryLabeled().getText()).isFalse();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#decision-dialog").tryQuery().isEmpty());

        assertThat(client.sent).hasSize(1);
        assertThat(client.sent.getFirst().payload().overriddenChecks()).containsExactly("lag-gate");
        assertThat(client.sent.getFirst().payload().identity()).isEqualTo("dana");
        WaitForAsyncUtils.asyncFx(() -> viewModel.pulse(clock.instant())).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#approve-button").queryAs(Button.class).isDisabled()).isTrue();

        robot.targetWindow(stage);
        robot.press(KeyCode.ALT).type(KeyCode.I).release(KeyCode.ALT);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> viewModel.actingProperty().get() == OMAR);
        assertThat(robot.lookup("#approve-button").queryAs(Button.class).isDisabled()).isFalse();
        robot.press(KeyCode.ALT).type(KeyCode.A).release(KeyCode.ALT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#decision-reason").tryQuery().isPresent());
        robot.targetWindow(robot.lookup("#decision-dialog").query().getScene().getWindow());
        assertThat(robot.lookup(".dialog-approvals").queryLabeled().getText()).contains("dana");
        assertThat(robot.lookup(".dialog-needed").queryLabeled().getText()).contains("last one needed");
        FailoverScreenshots.write(robot.lookup("#decision-dialog").query().getScene().getWindow(),
                "target/screenshots/failover-dialog-fake.png");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#decision-dialog").tryQuery().isEmpty());
        FailoverScreenshots.write(stage, "target/screenshots/failover-pane-fake.png");
    }
}
