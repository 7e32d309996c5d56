package io.meridian.model.failover;

import java.time.Instant;
import java.util.Objects;

/** One event of a proposal watch: a proposal as it is now, or a heartbeat saying the stream is alive. */
public sealed interface ProposalEvent {
    /** Server time the event was produced. */
    Instant time();

    /** A proposal as it is now, replacing any earlier copy with the same id. */
    record Changed(Instant time, Proposal proposal) implements ProposalEvent {
        public Changed {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(proposal, "proposal");
        }
    }

    /** Nothing changed. */
    record Heartbeat(Instant time) implements ProposalEvent {
        public Heartbeat {
            Objects.requireNonNull(time, "time");
        }
    }
}
