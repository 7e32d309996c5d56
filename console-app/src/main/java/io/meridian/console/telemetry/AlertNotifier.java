package io.meridian.console.telemetry;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Pops up new and escalated alerts (ControlsFX notifications) over the window. Several alerts in one pulse make one
 * popup that counts them, so a burst never buries the screen; the alert list keeps every one.
 */
public final class AlertNotifier {
    static final int MAX_SEPARATE = 2;

    private final Node owner;

    public AlertNotifier(Node owner) {
        this.owner = owner;
    }

    /** Shows the given alerts. FX thread, once per pulse. */
    public void show(List<AlertChange> changes) {
        if (changes.isEmpty() || owner.getScene() == null || owner.getScene().getWindow() == null) {
            return;
        }
        if (changes.size() <= MAX_SEPARATE) {
            changes.forEach(c -> popup(c.severity(), c.severity().glyph() + " " + c.severity().label(), c.what()));
            return;
        }
        var worst = changes.stream().map(AlertChange::severity).max(Enum::compareTo).orElseThrow();
        popup(worst, changes.size() + " new alerts", changes.stream().limit(3).map(AlertChange::what)
                .reduce((a, b) -> a + "\n" + b).orElse("") + (changes.size() > 3 ? "\n… see the alert list" : ""));
    }

    private void popup(Severity severity, String title, String text) {
        var notification = Notifications.create().owner(owner).title(title).text(text).position(Pos.TOP_RIGHT)
                .hideAfter(Duration.seconds(severity == Severity.CRITICAL ? 15 : 8))
                // Our own dark style (meridian.css): ControlsFX's relies on Modena colours AtlantaFX does not define.
                .styleClass("meridian-alert", severity == Severity.CRITICAL ? "severity-critical" : "severity-warning");
        if (severity == Severity.CRITICAL) {
            notification.showError();
        } else {
            notification.showWarning();
        }
    }
}
