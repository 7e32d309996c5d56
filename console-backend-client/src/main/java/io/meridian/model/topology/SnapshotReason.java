package io.meridian.model.topology;

/** Why a topology watch started (or restarted) with a whole snapshot instead of deltas. */
public enum SnapshotReason {
    /** A first watch. */
    INITIAL,
    /** The server no longer held every delta after the client's position. */
    HISTORY_UNAVAILABLE,
    /** The server restarted (another journal), or the client's position was never issued by this journal. */
    JOURNAL_CHANGED,
    /** The client read too slowly; its backlog was replaced by the current state. */
    SLOW_CONSUMER
}
