package io.meridian.model.failover;

/** What a policy check says about a proposal, in rising order of concern. */
public enum Verdict {
    /** The rule is satisfied. */
    PASS,
    /** The rule is at risk: approving needs an explicit override with a written reason. */
    WARN,
    /** The rule forbids the promotion: nobody can approve it. */
    BLOCK;

    /** The more serious of two verdicts. */
    public Verdict worse(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
