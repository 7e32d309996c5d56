package io.meridian.model.failover;

import io.meridian.model.session.Role;
import java.util.Objects;
import java.util.Set;

/**
 * One rule applied to a proposal ("data-residency", "anti-flapping", "lag-gate", "fencing", "quorum", ...), with its
 * verdict and the reason in words. A WARN may be overridden with a written reason by a holder of
 * {@code overrideRole} (the role's label; empty: any decider); a BLOCK never.
 */
public record PolicyCheck(String rule, Verdict verdict, String reason, String overrideRole) {
    public PolicyCheck {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        overrideRole = overrideRole == null ? "" : overrideRole;
    }

    /** True when a decider holding {@code roles} may override this check: it warns, and the role fits. */
    public boolean overridableBy(Set<Role> roles) {
        return verdict == Verdict.WARN
                && (overrideRole.isEmpty() || roles.stream().anyMatch(r -> r.label().equals(overrideRole)));
    }
}
