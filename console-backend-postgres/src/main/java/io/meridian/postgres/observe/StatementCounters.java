package io.meridian.postgres.observe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one server's cumulative pg_stat_statements counters into what happened since the previous sample. The
 * first sample only sets the baseline (history before Meridian watched is not "since the last sample"); a counter
 * that went down was reset ({@code pg_stat_statements_reset()} or an evicted entry), and counts from zero.
 */
final class StatementCounters {
    private record Key(long queryId, String user) {}

    private record Totals(long calls, double millis) {}

    private Map<Key, Totals> previous;

    List<StatementDelta> next(List<ServerStatus.StatementCounter> counters) {
        var current = new HashMap<Key, Totals>();
        counters.forEach(c -> current.merge(new Key(c.queryId(), c.user()), new Totals(c.calls(), c.totalMillis()),
                (a, b) -> new Totals(a.calls() + b.calls(), a.millis() + b.millis())));
        var deltas = new ArrayList<StatementDelta>();
        if (previous != null) {
            current.forEach((key, now) -> {
                var before = previous.getOrDefault(key, new Totals(0, 0));
                var reset = now.calls() < before.calls();
                long calls = reset ? now.calls() : now.calls() - before.calls();
                double millis = reset ? now.millis() : now.millis() - before.millis();
                if (calls > 0) {
                    deltas.add(new StatementDelta(key.queryId(), key.user(), calls, Math.max(0, millis)));
                }
            });
        }
        previous = current;
        return deltas;
    }
}
