package io.meridian.model.failover;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a decider chose in the dialog, before it is signed: the proposal and the version reviewed, approve or reject,
 * the written reason, and the rules of the WARN checks overridden (kept sorted and without duplicates, as the
 * canonical payload requires).
 */
public record DecisionDraft(String proposalId, long proposalVersion, DecisionKind kind, String reason,
                            List<String> overriddenChecks) {
    public DecisionDraft {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a decision needs a reason");
        }
        SortedSet<String> sorted = new TreeSet<>(overriddenChecks);
        overriddenChecks = List.copyOf(sorted);
    }
}
