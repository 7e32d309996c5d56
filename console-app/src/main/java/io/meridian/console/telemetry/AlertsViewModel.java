package io.meridian.console.telemetry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alert list: one row per alert, newest first, updated as {@link AlertRules} raise, escalate, ease and clear
 * alerts; acknowledging records who did it (the session's caller). Alerts that should pop up wait in an outbox the
 * view empties once per pulse. Bounded: the oldest cleared rows go first.
 */
public final class AlertsViewModel {
    static final int MAX_ROWS = 200;

    private final Supplier<String> caller;
    private final Clock clock;
    private final Map<String, AlertRow> active = new HashMap<>();
    private final List<AlertChange> outbox = new ArrayList<>();

    // ---- Properties
    private final ObservableList<AlertRow> rows = FXCollections.observableArrayList();
    // One read-only view, kept: it listens to rows only weakly, so a view made per call could be collected.
    private final ObservableList<AlertRow> rowsView = FXCollections.unmodifiableObservableList(rows);

    /** {@code caller} names who acknowledges (the session's identity). */
    public AlertsViewModel(Supplier<String> caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    public ObservableList<AlertRow> rows() {
        return rowsView;
    }

    // ---- Commands

    /** Applies what the rules decided. FX thread. */
    void apply(List<AlertChange> changes) {
        for (var change : changes) {
            var row = active.get(change.key());
            switch (change.kind()) {
                case RAISED -> {
                    var fresh = new AlertRow(change);
                    active.put(change.key(), fresh);
                    rows.addFirst(fresh);
                }
                case ESCALATED, EASED -> {
                    if (row != null) {
                        row.update(change);
                    }
                }
                case CLEARED -> {
                    if (row != null) {
                        row.clear(change.at());
                        active.remove(change.key());
                    }
                }
            }
            if (change.notifies()) {
                outbox.add(change);
            }
        }
        trim();
    }

    /** Raises an alert decided elsewhere than the telemetry rules, e.g. an audit alarm. FX thread. */
    public void raise(AlertChange change) {
        apply(List.of(change));
    }

    /** Records that the caller acknowledged this alert. */
    public void acknowledge(AlertRow row) {
        if (!row.acknowledgedProperty().get()) {
            row.acknowledge(caller.get(), clock.instant());
        }
    }

    /** The alerts to pop up since the last call, oldest first. */
    public List<AlertChange> takeNotifications() {
        var taken = List.copyOf(outbox);
        outbox.clear();
        return taken;
    }

    private void trim() {
        for (int i = rows.size() - 1; i >= 0 && rows.size() > MAX_ROWS; i--) {
            if (!rows.get(i).activeProperty().get()) {
                rows.remove(i);
            }
        }
    }
}
