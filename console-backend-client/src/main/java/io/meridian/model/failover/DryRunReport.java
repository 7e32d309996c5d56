package io.meridian.model.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What promoting the candidate would cost and whether the rules allow it, as the backend computed it at
 * {@code computedAt}. The estimated data loss is meaningful only when {@code dataLossKnown}: with a frozen or
 * missing lag figure it is unknown, not small.
 */
public record DryRunReport(Instant computedAt, List<Candidate> candidates, String rankingReason,
                           Duration estimatedDataLoss, long estimatedLostBytes, boolean dataLossKnown,
                           Duration rpoTarget, Duration estimatedRto, Duration rtoTarget, List<PolicyCheck> checks,
                           Verdict verdict) {
    public DryRunReport {
        Objects.requireNonNull(computedAt, "computedAt");
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(rankingReason, "rankingReason");
        Objects.requireNonNull(estimatedDataLoss, "estimatedDataLoss");
        Objects.requireNonNull(rpoTarget, "rpoTarget");
        Objects.requireNonNull(estimatedRto, "estimatedRto");
        Objects.requireNonNull(rtoTarget, "rtoTarget");
        checks = List.copyOf(checks);
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The checks laid out for a fast decision: blocks first, then warns, then passes, each in the backend's order. */
    public List<PolicyCheck> checksWorstFirst() {
        return checks.stream().sorted(Comparator.comparing(PolicyCheck::verdict).reversed()).toList();
    }

    /** The checks of one verdict, in the backend's order. */
    public List<PolicyCheck> checks(Verdict wanted) {
        return checks.stream().filter(c -> c.verdict() == wanted).toList();
    }
}
