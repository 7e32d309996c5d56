package io.meridian.console.drill;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import io.meridian.console.failover.FailoverScreenshots;
import io.meridian.console.tasks.CurrentThread;
import io.meridian.model.drill.DrillRequest;
import io.meridian.model.topology.Topology;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The drill screen's runbook at the sizes it meets: the Drills tab of a narrow (860 px) window and of a wide
 * (1600 px) one. The step that runs or waits is in view, with its status and what to do next in full, not cut.
 */
@ExtendWith(ApplicationExtension.class)
class DrillViewLayoutTest {
    private static final Instant NOW = Instant.parse("2026-11-25T03:00:05Z");
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 860, 515));
        stage.show();
    }

    @Test
    void theRunningStepAndWhatToDoNextReadInFullAt860And1600Pixels(FxRobot robot) throws Exception {
        for (int width : new int[] {860, 1600}) {
            show(DrillSamples.monthlyRunbook(3), width, width == 860 ? 515 : 700);
            FailoverScreenshots.write(stage, "target/screenshots/drill-runbook-" + width + ".png");
            var cell = stepCell(robot, "decided");
            assertInView(robot, cell, "the running step at " + width + " px");
            assertFull(robot, cell, ".step-heading", width);
            assertFull(robot, cell, ".step-text", width);
            assertThat(((Label) cell.lookup(".step-text")).getText()).startsWith("Decide:");
        }
    }

    @Test
    void aManualStepLowInTheRunbookIsScrolledIntoViewWithItsConfirmButton(FxRobot robot) throws Exception {
        show(DrillSamples.monthlyRunbook(6), 860, 515);
        FailoverScreenshots.write(stage, "target/screenshots/drill-runbook-waiting-860.png");
        var cell = stepCell(robot, "verify");
        assertInView(robot, cell, "the waiting step");
        assertFull(robot, cell, ".step-text", 860);
        var confirm = (Button) cell.lookup("#drill-confirm-verify");
        assertThat(confirm).isNotNull();
        assertInView(robot, confirm, "its confirm button");
        assertThat(((Label) cell.lookup(".step-text")).getText()).startsWith("NEXT: carol confirms.");
    }

    /** The drill screen following {@code drill}, as the Drills tab of a window {@code width} wide shows it. */
    private void show(io.meridian.model.drill.Drill drill, int width, int height) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            var model = new DrillViewModel(new FakeDrillClient(drill), new CurrentThread(),
                    Clock.fixed(NOW, ZoneOffset.UTC), new DrillExports());
            var view = new DrillView(model, new SimpleObjectProperty<Topology>());
            var scene = new Scene(view, width, height);
            scene.getStylesheets().add(Objects.requireNonNull(DrillView.class.getResource(
                    "/io/meridian/console/meridian.css")).toExternalForm());
            stage.setScene(scene);
            // The headless screen's frame buffer is 1000 x 1000 pixels: a window that runs past its bottom fails
            // to draw, so the stage sits at the top left.
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            model.start(DrillRequest.shippedRunbook("phase-7p-monthly"));
            model.pulse(NOW);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static ListCell<StepRow> stepCell(FxRobot robot, String stepId) {
        var list = robot.lookup("#drill-steps").queryAs(ListView.class);
        return robot.from(list).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() instanceof StepRow r && r.id().equals(stepId) && c.isVisible())
                .findFirst().orElseThrow(() -> new AssertionError("no cell shows step " + stepId));
    }

    /** The node lies wholly inside the runbook list's visible area. */
    private static void assertInView(FxRobot robot, Node node, String what) {
        var list = robot.lookup("#drill-steps").query();
        Bounds view = list.localToScene(list.getLayoutBounds());
        Bounds shown = node.localToScene(node.getLayoutBounds());
        assertThat(shown.getMinY()).as(what + " top").isGreaterThanOrEqualTo(view.getMinY());
        assertThat(shown.getMaxY()).as(what + " bottom").isLessThanOrEqualTo(view.getMaxY());
        assertThat(shown.getMaxX()).as(what + " right edge").isLessThanOrEqualTo(view.getMaxX());
    }

    /** The text has the room it needs: nothing cut to "…", no line lost, and it lies inside the list. */
    private static void assertFull(FxRobot robot, Node cell, String selector, int width) {
        var label = (Region) cell.lookup(selector);
        assertThat(label.getWidth()).as(selector + " width at " + width + " px")
                .isGreaterThanOrEqualTo(Math.min(label.prefWidth(-1), label.getMaxWidth()) - 0.5);
        assertThat(label.getHeight()).as(selector + " height at " + width + " px")
                .isGreaterThanOrEqualTo(label.prefHeight(label.getWidth()) - 0.5);
        assertInView(robot, label, selector + " at " + width + " px");
    }
}
