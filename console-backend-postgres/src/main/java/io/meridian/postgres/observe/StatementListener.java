package io.meridian.postgres.observe;

import io.meridian.postgres.connect.Server;
import java.time.Instant;
import java.util.List;

/** Hears the statements each server executed since its previous sample; called on the observation thread. */
public interface StatementListener {
    void executed(Server server, Instant observedAt, List<StatementDelta> deltas);
}
