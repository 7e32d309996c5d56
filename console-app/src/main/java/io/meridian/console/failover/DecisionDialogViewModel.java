package io.meridian.console.failover;

import io.meridian.client.ActingIdentity;
import io.meridian.client.BackendException;
import io.meridian.client.DecisionSigner;
import io.meridian.client.FailoverClient;
import io.meridian.console.tasks.Background;
import io.meridian.failover.SignedDecision;
import io.meridian.model.failover.Decision;
import io.meridian.model.failover.DecisionDraft;
import io.meridian.model.failover.DecisionKind;
import io.meridian.model.failover.DecisionReceipt;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.Verdict;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The approve or reject dialog: the proposal as the decider reviewed it (its version goes into the signature), the
 * reason, for an approval the typed name of the replica to promote and a tick for each WARN check overridden, and
 * the outcome. One click signs once: if the network loses the reply, "Try again" resends the same signed decision
 * with the same request id, so the backend records it once; changing the reason or the ticks signs a new one.
 */
public final class DecisionDialogViewModel {
    private final Proposal reviewed;
    private final DecisionKind kind;
    private final ActingIdentity who;
    private final FailoverClient client;
    private final DecisionSigner signer;
    private final Background background;
    private final Consumer<DecisionReceipt> accepted;
    private final List<OverrideRow> overrides;
    private SignedDecision pending;

    // ---- Properties
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty typedTarget = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper canSubmit = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper whyNot = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper changed = new ReadOnlyStringWrapper("");

    DecisionDialogViewModel(Proposal reviewed, ObservableValue<Proposal> current, DecisionKind kind,
                            ActingIdentity who, FailoverClient client, DecisionSigner signer, Background background,
                            Consumer<DecisionReceipt> accepted) {
        this.reviewed = reviewed;
        this.kind = kind;
        this.who = who;
        this.client = client;
        this.signer = signer;
        this.background = background;
        this.accepted = accepted;
        this.overrides = kind == DecisionKind.APPROVE
                ? reviewed.dryRun().checks(Verdict.WARN).stream().map(OverrideRow::new).toList() : List.of();
        reason.addListener(o -> validate());
        typedTarget.addListener(o -> validate());
        overrides.forEach(o -> o.ticked().addListener(x -> validate()));
        busy.addListener(o -> validate());
        // A decision names the version reviewed; once the backend holds a newer one it would refuse it, so say so
        // now rather than after a round trip.
        current.addListener((obs, old, now) -> {
            if (now != null && now.id().equals(reviewed.id()) && now.version() > reviewed.version()
                    && !done.get()) {
                changed.set("The proposal changed while this dialog was open (version " + reviewed.version()
                        + " → " + now.version() + "): close it and review the proposal again.");
            }
        });
        changed.addListener(o -> validate());
        validate();
    }

    public Proposal reviewed() {
        return reviewed;
    }

    public DecisionKind kind() {
        return kind;
    }

    public ActingIdentity who() {
        return who;
    }

    /** The WARN checks an approval must override, each with its tick. */
    public List<OverrideRow> overrides() {
        return overrides;
    }

    /** True when the dialog asks for the target's name: an approval promotes it. */
    public boolean asksForTarget() {
        return kind == DecisionKind.APPROVE;
    }

    /** Who approved before, e.g. "Approved so far: Dana Ops (operator)" or "No approvals yet". */
    public String approvedSoFar() {
        var approvals = reviewed.approvals();
        return approvals.isEmpty() ? "No approvals yet."
                : "Approved so far: " + approvals.stream().map(Decision::who).collect(Collectors.joining(", "))
                + ".";
    }

    /** What is still needed after this decision, so nobody expects a failover that still waits for someone. */
    public String stillNeeded() {
        if (kind == DecisionKind.REJECT) {
            return "A rejection ends the proposal: nothing will be promoted.";
        }
        int after = reviewed.approvalsMissing() - 1;
        return after <= 0 ? "Your approval is the last one needed: execution starts when the backend records it."
                : "After yours, " + after + " more approval" + (after == 1 ? "" : "s")
                + " from someone else " + (after == 1 ? "is" : "are") + " needed (two-person rule).";
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty typedTargetProperty() {
        return typedTarget;
    }

    public ReadOnlyBooleanProperty canSubmitProperty() {
        return canSubmit.getReadOnlyProperty();
    }

    /** What is still missing before the decision can be sent, in words; empty when nothing is. */
    public ReadOnlyStringProperty whyNotProperty() {
        return whyNot.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The backend's refusal or the transport failure of the last try, in words; empty after success. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True once the backend recorded the decision: the dialog closes. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    // ---- Commands

    /** Signs (once per distinct draft) and sends the decision; the outcome arrives on the FX thread. */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        var draft = new DecisionDraft(reviewed.id(), reviewed.version(), kind, reason.get().strip(),
                overrides.stream().filter(o -> o.ticked().get()).map(o -> o.check().rule()).toList());
        if (pending == null || !sameDraft(pending, draft)) {
            pending = signer.sign(draft, who);
        }
        var signed = pending;
        busy.set(true);
        error.set("");
        background.run(() -> client.decide(signed), Background.outcome(receipt -> {
            busy.set(false);
            done.set(true);
            accepted.accept(receipt);
        }, failure -> {
            busy.set(false);
            error.set(describe(failure));
        }));
    }

    /** The status line after a decision, e.g. "Approved as Dana Ops: 1 of 2 approvals; waiting for one more". */
    static String outcome(DecisionReceipt receipt) {
        var p = receipt.proposal();
        var d = receipt.decision();
        var what = (d.kind() == DecisionKind.APPROVE ? "Approved" : "Rejected") + " as " + d.who() + ": ";
        var state = d.kind() == DecisionKind.REJECT ? "the proposal is closed."
                : p.approvalsMissing() == 0 ? p.approvals().size() + " of " + p.approvalsRequired()
                + " approvals; execution starts."
                : p.approvals().size() + " of " + p.approvalsRequired() + " approvals; waiting for "
                + p.approvalsMissing() + " more from someone else.";
        return what + state + (receipt.replayed() ? " (The backend had already recorded this decision; a lost "
                + "reply was retried.)" : "");
    }

    private static boolean sameDraft(SignedDecision signed, DecisionDraft draft) {
        var p = signed.payload();
        return p.proposalId().equals(draft.proposalId()) && p.proposalVersion() == draft.proposalVersion()
                && p.approve() == (draft.kind() == DecisionKind.APPROVE) && p.reason().equals(draft.reason())
                && p.overriddenChecks().equals(draft.overriddenChecks());
    }

    private String describe(BackendException failure) {
        return switch (failure.kind()) {
            case REFUSED -> "Refused: " + failure.getMessage();
            case UNREACHABLE, TIMEOUT -> failure.getMessage() + ". Nothing is lost: \"" + verb()
                    + "\" again sends the same signed decision, which the backend records at most once.";
            case INCOMPATIBLE, FAILED -> failure.getMessage();
        };
    }

    private String verb() {
        return kind == DecisionKind.APPROVE ? "Approve" : "Reject";
    }

    private void validate() {
        String missing;
        if (!changed.get().isEmpty()) {
            missing = changed.get();
        } else if (reason.get().isBlank()) {
            missing = "Write the reason for your decision; it is signed and kept in the audit log.";
        } else if (asksForTarget() && !typedTarget.get().strip().equals(reviewed.candidateId())) {
            missing = "Type the name of the replica to promote, " + reviewed.candidateId() + ", to confirm.";
        } else {
            missing = overrides.stream().filter(o -> !o.ticked().get()).findFirst()
                    .map(o -> "Tick the override of " + o.check().rule() + " once you accept: "
                            + o.check().reason()).orElse("");
        }
        whyNot.set(missing);
        canSubmit.set(missing.isEmpty() && !busy.get() && !done.get());
    }
}
