package io.meridian.postgres.observe;

import io.meridian.model.telemetry.TransactionRates;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Commit and rollback rates per region: the sum over the region's servers (a primary's transactions and the
 * read-only ones its standbys serve). A region is unknown when any of its servers is: a partial sum would pass
 * for the region's rate. Used by the observation thread only.
 */
final class RegionTransactions {
    private final Map<String, TransactionCounters> counters = new HashMap<>();

    /** This tick's rates by region id, from each server's status ({@code states} gives each server's region). */
    Map<String, Optional<TransactionRates>> next(Map<String, ServerState> states, Map<String, ServerStatus> statuses) {
        var sums = new LinkedHashMap<String, Optional<TransactionRates>>();
        states.forEach((id, state) -> {
            var status = statuses.get(id);
            var rates = status == null || status.transactions() == null ? Optional.<TransactionRates>empty()
                    : counters.computeIfAbsent(id, k -> new TransactionCounters())
                    .next(status.transactions(), status.observedAt());
            sums.merge(state.server.regionId(), rates, (a, b) -> a.isEmpty() || b.isEmpty() ? Optional.empty()
                    : Optional.of(new TransactionRates(a.get().commitsPerSecond() + b.get().commitsPerSecond(),
                    a.get().rollbacksPerSecond() + b.get().rollbacksPerSecond())));
        });
        return sums;
    }
}
