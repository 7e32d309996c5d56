package io.meridian.model.topology;

import java.time.Duration;
import java.util.Objects;

/** Recovery objectives of one tier: the longest acceptable outage (RTO) and the most data a failover may lose (RPO). */
public record TierTargets(RecoveryTier tier, Duration rto, Duration rpo, String note) {
    public TierTargets {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(rto, "rto");
        Objects.requireNonNull(rpo, "rpo");
        note = note == null ? "" : note;
    }
}
