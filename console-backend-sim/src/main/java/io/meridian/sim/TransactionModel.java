package io.meridian.sim;

import io.meridian.model.telemetry.TransactionRates;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The simulator's commit and rollback rates per region, one step per tick. A primary that is not FAILED carries
 * the region's writes, a standby that is not FAILED read-only transactions; a region whose replicas all failed (an
 * outage) ends no transaction at all. The clients are closed-loop: when the workload's latency rises by a factor
 * (a natural or injected shift, a degraded region), they get through that much fewer transactions, and more of
 * them roll back (lock waits and serialization failures grow with contention). Each region has its own size,
 * drawn once, and a slow wander; counts per tick are whole transactions with Poisson-like noise. Its random stream
 * is its own, so adding it changed none of the simulator's other figures for a seed.
 */
final class TransactionModel {
    /** Transactions per second a healthy primary ends, before the region's own size. */
    static final double PRIMARY_COMMITS_PER_SECOND = 600;
    /** A standby serves read-only transactions at this share of a primary's rate. */
    static final double STANDBY_SHARE = 0.35;
    /** Share of transactions rolled back at the usual latency. */
    static final double BASE_ROLLBACK_SHARE = 0.015;
    static final double MAX_ROLLBACK_SHARE = 0.4;

    private final SplittableRandom random;
    private final double tickSeconds;
    private final Map<String, Double> size = new HashMap<>();
    private final Map<String, Double> wander = new HashMap<>();

    TransactionModel(long seed, double tickSeconds) {
        this.random = new SplittableRandom(seed ^ 0x7a_c7_10_75L);
        this.tickSeconds = tickSeconds;
    }

    /** The region's rates this tick, given its replicas and how much slower than usual its queries run. */
    TransactionRates step(String regionId, List<Replica> replicas, double latencyFactor) {
        double servers = 0;
        for (var replica : replicas) {
            if (replica.health() != Health.FAILED) {
                servers += replica.role() == ReplicaRole.PRIMARY ? 1 : STANDBY_SHARE;
            }
        }
        double regionSize = size.computeIfAbsent(regionId, id -> 0.5 + random.nextDouble());
        // A mean-reverting walk of the logarithm: the rate wanders by some 10 % over minutes.
        double w = 0.98 * wander.getOrDefault(regionId, 0.0) + 0.02 * random.nextGaussian();
        wander.put(regionId, w);
        double rate = PRIMARY_COMMITS_PER_SECOND * regionSize * servers * Math.exp(w) / latencyFactor;
        double rollbackShare = Math.min(MAX_ROLLBACK_SHARE, BASE_ROLLBACK_SHARE * latencyFactor * latencyFactor);
        double ended = count(rate * tickSeconds);
        double rolledBack = Math.min(ended, count(ended * rollbackShare));
        return new TransactionRates((ended - rolledBack) / tickSeconds, rolledBack / tickSeconds);
    }

    /** Whole transactions around {@code mean}, with the spread of a Poisson count (normal approximation). */
    private double count(double mean) {
        if (mean <= 0) {
            return 0;
        }
        return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
}
