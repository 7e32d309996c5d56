package io.meridian.console.failover;

import io.meridian.client.ActingIdentity;
import io.meridian.model.failover.PolicyCheck;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.ProposalState;
import io.meridian.model.failover.Verdict;
import io.meridian.model.session.Role;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the acting identity may do with a proposal, and why not. The backend enforces all of it; the console only
 * disables what would be refused, saying why, so nobody learns the rules by being refused at 3 a.m.
 */
final class DecisionRules {
    private DecisionRules() {
    }

    static Availability approve(Proposal p, ActingIdentity who, boolean demo, boolean connected) {
        var common = decide(p, who, demo, connected);
        if (!common.allowed()) {
            return common;
        }
        var blocks = p.dryRun().checks(Verdict.BLOCK);
        if (!blocks.isEmpty()) {
            return Availability.refused("Blocked by " + blocks.getFirst().rule() + ": " + blocks.getFirst().reason()
                    + " A block cannot be overridden.");
        }
        var notMine = p.dryRun().checks(Verdict.WARN).stream().filter(c -> !c.overridableBy(who.roles())).toList();
        if (!notMine.isEmpty()) {
            return Availability.refused(notMine.stream().map(DecisionRules::needsRole)
                    .collect(Collectors.joining(" ")));
        }
        return Availability.ALLOWED;
    }

    static Availability reject(Proposal p, ActingIdentity who, boolean demo, boolean connected) {
        return decide(p, who, demo, connected);
    }

    /** Refreshing the dry run only needs an open proposal and a connection; any role may look. */
    static Availability refresh(Proposal p, boolean connected) {
        if (p.state() != ProposalState.OPEN) {
            return Availability.refused("Only an open proposal has a dry run to refresh.");
        }
        return connected ? Availability.ALLOWED : Availability.refused("Not connected to the backend.");
    }

    static Availability switchover(ActingIdentity who, boolean demo, boolean connected) {
        if (who == null) {
            return Availability.refused(nobody(demo));
        }
        if (!who.decides()) {
            return Availability.refused(roleRefusal(who));
        }
        return connected ? Availability.ALLOWED : Availability.refused("Not connected to the backend.");
    }

    private static Availability decide(Proposal p, ActingIdentity who, boolean demo, boolean connected) {
        if (p.state() != ProposalState.OPEN) {
            return Availability.refused(p.state() == ProposalState.EXECUTING
                    ? "The proposal is executing: it takes no more decisions."
                    : "The proposal is closed (" + FailoverText.state(p.state()).toLowerCase(Locale.ROOT)
                    + "): it takes no more decisions.");
        }
        if (who == null) {
            return Availability.refused(nobody(demo));
        }
        if (!who.decides()) {
            return Availability.refused(roleRefusal(who));
        }
        var mine = p.decisionBy(who.id());
        if (mine.isPresent()) {
            return Availability.refused("You (" + who.displayName() + ") already decided: "
                    + mine.get().kind().name().toLowerCase(Locale.ROOT)
                    + ". A second decision must come from someone else.");
        }
        return connected ? Availability.ALLOWED : Availability.refused("Not connected to the backend.");
    }

    private static String nobody(boolean demo) {
        return demo ? "You act as the anonymous viewer: choose a team member under \"Acting as\" (Alt+I) to decide."
                : "This console has no signing identity: it can watch proposals but not request or decide them.";
    }

    private static String roleRefusal(ActingIdentity who) {
        var roles = who.roles().stream().sorted().map(Role::label).collect(Collectors.joining(", "));
        return who.displayName() + " is " + (roles.isEmpty() ? "without a role" : roles)
                + ": only an operator or an incident-commander decides failovers.";
    }

    private static String needsRole(PolicyCheck c) {
        return c.rule() + " warns (" + c.reason() + ") and only a holder of " + c.overrideRole()
                + " may override it.";
    }
}
