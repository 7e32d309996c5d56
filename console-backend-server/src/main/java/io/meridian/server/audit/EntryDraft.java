package io.meridian.server.audit;

import io.meridian.audit.AuditAction;
import io.meridian.audit.Outcome;
import io.meridian.audit.TriggerKind;

/**
 * What the backend knows of an action it audits; the log adds origin, sequence, previous hash and the region
 * signature when it appends, so that callers can never get the chain wrong.
 */
public record EntryDraft(String queryId, String actor, AuditAction action, TriggerKind trigger, String triggeredBy,
        String region, long timeMicros, Outcome outcome, String outcomeDetail) {
}
