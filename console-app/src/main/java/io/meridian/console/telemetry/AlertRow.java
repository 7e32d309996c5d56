package io.meridian.console.telemetry;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One entry of the alert list: when it was raised, how severe it is now, what it is about, whether it is still
 * active, and who acknowledged it. The cell only shows what this row says.
 */
public final class AlertRow {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final String key;
    private final Instant raisedAt;

    // ---- Properties
    private final ReadOnlyObjectWrapper<Severity> severity = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper what = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("ACTIVE");
    private final ReadOnlyBooleanWrapper acknowledged = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper acknowledgement = new ReadOnlyStringWrapper("not acknowledged");

    AlertRow(AlertChange raised) {
        this.key = raised.key();
        this.raisedAt = raised.at();
        severity.set(raised.severity());
        what.set(raised.what());
    }

    public String key() {
        return key;
    }

    public String raisedAtText() {
        return TIME.format(raisedAt);
    }

    public ReadOnlyObjectProperty<Severity> severityProperty() {
        return severity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whatProperty() {
        return what.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** "ACTIVE" or "cleared 12:04:05 UTC". */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty acknowledgedProperty() {
        return acknowledged.getReadOnlyProperty();
    }

    /** "not acknowledged" or "ack alice 12:04:05 UTC". */
    public ReadOnlyStringProperty acknowledgementProperty() {
        return acknowledgement.getReadOnlyProperty();
    }

    // ---- Commands (the alert list view-model calls these)

    void update(AlertChange change) {
        severity.set(change.severity());
        what.set(change.what());
    }

    void clear(Instant at) {
        active.set(false);
        stateText.set("cleared " + TIME.format(at));
    }

    void acknowledge(String who, Instant at) {
        acknowledged.set(true);
        acknowledgement.set("ack " + who + " " + TIME.format(at));
    }
}
