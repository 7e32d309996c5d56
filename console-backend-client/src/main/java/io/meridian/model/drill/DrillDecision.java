package io.meridian.model.drill;

import java.time.Instant;

/** Who decided a failover the drill caused, how and when (backend time). */
public record DrillDecision(String proposalId, String clusterId, String identity, String displayName,
                            boolean approved, String reason, Instant decidedAt) {
}
