package io.meridian.console.failover;

import io.meridian.model.failover.FailoverKind;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.ProposalState;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One line of the proposals queue: the proposal as last received, and the texts that age with time (how long it has
 * been open, what is left of the anti-flapping window), which {@link #tick(Instant)} refreshes every second. The cell
 * only applies what is here.
 */
public final class ProposalRow {
    private final String id;
    private final ReadOnlyObjectWrapper<Proposal> proposal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper age = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper("");

    ProposalRow(Proposal p, Instant serverNow) {
        this.id = p.id();
        update(p, serverNow);
    }

    public String id() {
        return id;
    }

    public ReadOnlyObjectProperty<Proposal> proposalProperty() {
        return proposal.getReadOnlyProperty();
    }

    /** "open 2 min 5 s", "closed 14 min ago". */
    public ReadOnlyStringProperty ageProperty() {
        return age.getReadOnlyProperty();
    }

    /** "Anti-flapping: 24:13 left", or empty when no window is running. */
    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    public String title() {
        return proposal.get().clusterId();
    }

    /** "Failover: promote eu-db-fra-2 · was eu-db-fra-1". */
    public String subtitle() {
        var p = proposal.get();
        return (p.kind() == FailoverKind.PLANNED_SWITCHOVER ? "Switchover: " : "Failover: ")
                + "promote " + (p.candidateId().isEmpty() ? "(no candidate)" : p.candidateId()) + " · was "
                + p.oldPrimaryId();
    }

    /** "1/2 approvals". */
    public String approvals() {
        var p = proposal.get();
        return p.approvals().size() + "/" + p.approvalsRequired() + " approvals";
    }

    void update(Proposal p, Instant serverNow) {
        proposal.set(p);
        tick(serverNow);
    }

    void tick(Instant serverNow) {
        var p = proposal.get();
        var opened = Duration.between(p.openedAt(), serverNow);
        set(age, p.state() == ProposalState.OPEN ? "open " + FailoverText.age(opened)
                : FailoverText.state(p.state()).toLowerCase(Locale.ROOT) + " · opened "
                + FailoverText.age(opened) + " ago");
        set(countdown, p.flappingWindowEnd().filter(end -> end.isAfter(serverNow))
                .map(end -> "Anti-flapping: " + FailoverText.countdown(Duration.between(serverNow, end)) + " left")
                .orElse(""));
    }

    private static void set(ReadOnlyStringWrapper property, String text) {
        if (!text.equals(property.get())) {
            property.set(text);
        }
    }
}
