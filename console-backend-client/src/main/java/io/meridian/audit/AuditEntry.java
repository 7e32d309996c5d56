package io.meridian.audit;

import java.util.Objects;

/**
 * One executed query or control action as the audit log records it: the fields that the region signer signs
 * (docs/audit-format.md section 1.2, fields 2 to 14). The value rules are checked by {@link EntryCodec} when the entry
 * is encoded or decoded, so that one place owns them.
 *
 * @param timeMicros microseconds since the Unix epoch, UTC
 * @param triggeredBy who triggered it; empty when {@code trigger} is {@link TriggerKind#AUTOMATIC}
 */
public record AuditEntry(
        String origin,
        long sequence,
        String queryId,
        String actor,
        AuditAction action,
        TriggerKind trigger,
        String triggeredBy,
        String region,
        long timeMicros,
        Outcome outcome,
        String outcomeDetail,
        Hash previousHash,
        String signerKeyId) {

    public AuditEntry {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(queryId, "queryId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(triggeredBy, "triggeredBy");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(outcomeDetail, "outcomeDetail");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(signerKeyId, "signerKeyId");
    }
}
