package io.meridian.console.shell;

import io.meridian.client.Backend;
import io.meridian.console.about.AboutDialog;
import io.meridian.console.about.BundledComponent;
import io.meridian.console.audit.AuditSettings;
import io.meridian.console.map.LandOutlines;
import io.meridian.console.userdata.Preferences;
import io.meridian.console.userdata.Preferences.WindowBounds;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The console's top-level window around {@link MainWindow}: application icon, title, the bounds remembered in the
 * preferences, the About box on F1, the start-up probe, and bringing itself to the front when a second console
 * asks. Closing it hands the window's bounds to {@code onClosed}, which saves them and stops the process.
 */
public final class ConsoleStage {
    private static final double DEFAULT_WIDTH = 1500;
    private static final double DEFAULT_HEIGHT = 900;

    private final StartupProbe probe;
    private volatile Stage stage;

    public ConsoleStage(StartupProbe probe) {
        this.probe = probe;
    }

    /**
     * Opens the window on the FX thread; {@code onClosed} receives the bounds to remember once it is hidden. A
     * {@code notice} about the user's files (a damaged preferences file) is shown over the window, not only on stderr,
     * which nobody reads when the console is started from the desktop's menu.
     */
    public void open(Backend backend, LandOutlines land, AuditSettings audit, Preferences preferences,
                     Optional<String> notice, Consumer<WindowBounds> onClosed) {
        var window = new MainWindow(backend, land, audit, Clock.systemUTC());
        probe.mark("window built");
        var s = new Stage();
        s.setTitle("Meridian · " + backend.target());
        s.getIcons().setAll(AppIcons.all());
        var scene = window.scene(DEFAULT_WIDTH, DEFAULT_HEIGHT);
        s.setScene(scene);
        place(s, preferences.window());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1),
                () -> AboutDialog.create(s, AppIcons.load(64), BundledComponent.shipped()).show());
        var last = new Object() {
            WindowBounds restored = preferences.window();
        };
        Runnable remember = () -> {
            if (!s.isMaximized() && !s.isIconified() && Double.isFinite(s.getX()) && Double.isFinite(s.getY())
                    && s.getWidth() >= WindowBounds.MIN_WIDTH && s.getHeight() >= WindowBounds.MIN_HEIGHT) {
                last.restored = new WindowBounds(s.getX(), s.getY(), s.getWidth(), s.getHeight(), false);
            }
        };
        for (var property : List.of(s.xProperty(), s.yProperty(), s.widthProperty(), s.heightProperty())) {
            property.addListener((o, a, b) -> remember.run());
        }
        s.setOnHidden(e -> {
            remember.run();
            window.close();
            var r = last.restored;
            onClosed.accept(r == null ? null : new WindowBounds(r.x(), r.y(), r.width(), r.height(),
                    s.isMaximized()));
        });
        probe.watch(scene, window.topology().rows(), s::close);
        stage = s;
        s.show();
        probe.mark("window shown");
        notice.ifPresent(text -> {
            var alert = new Alert(Alert.AlertType.WARNING, text, ButtonType.OK);
            alert.initOwner(s);
            alert.setHeaderText("Preferences reset");
            alert.show();
        });
    }

    /** Brings the window to the front; safe from any thread (the single-instance listener calls it). */
    public void focus() {
        Platform.runLater(() -> {
            var s = stage;
            if (s != null) {
                s.setIconified(false);
                s.toFront();
                s.requestFocus();
            }
        });
    }

    /** Remembered bounds when they still fall on a screen (a monitor may have gone), else centred defaults. */
    private static void place(Stage s, WindowBounds bounds) {
        if (bounds == null || Screen.getScreensForRectangle(new Rectangle2D(bounds.x(), bounds.y(), bounds.width(),
                bounds.height())).isEmpty()) {
            s.centerOnScreen();
            return;
        }
        s.setX(bounds.x());
        s.setY(bounds.y());
        s.setWidth(bounds.width());
        s.setHeight(bounds.height());
        s.setMaximized(bounds.maximized());
    }
}
