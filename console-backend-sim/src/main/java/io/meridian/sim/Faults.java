package io.meridian.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Faults injected on purpose (SimulatorControlService, drills), each ending at a simulation tick. Only the
 * simulator's tick thread and the control service touch it, under its own lock.
 */
final class Faults {
    /** One active fault: what kind, on which target, how strong, and until which tick. */
    record Fault(Kind kind, String target, double magnitude, long startTick, long endTick) {
        String describe(double tickSeconds) {
            long seconds = Math.round((endTick - startTick) * tickSeconds);
            return switch (kind) {
                case LAG_SPIKE -> "lag spike of " + magnitude + " s on " + target + " for " + seconds + " s";
                case PARTITION -> "partition of " + target + " for " + seconds + " s";
                case CLOCK_SKEW -> "clock skew of " + magnitude + " µs on " + target + " for " + seconds + " s";
                case WORKLOAD_SHIFT -> "workload shift x" + magnitude + " in " + target + " for " + seconds + " s";
                case REPLICA_CRASH -> "crash of " + target + " for " + seconds + " s";
                case REGION_OUTAGE -> "outage of region " + target + " for " + seconds + " s";
            };
        }
    }

    enum Kind { LAG_SPIKE, PARTITION, CLOCK_SKEW, WORKLOAD_SHIFT, REPLICA_CRASH, REGION_OUTAGE }

    private final List<Fault> active = new ArrayList<>();

    synchronized void add(Fault fault) {
        active.add(fault);
    }

    /** Removes exactly these faults (by identity), leaving any other, even an equal one injected another way. */
    synchronized void remove(List<Fault> faults) {
        active.removeIf(f -> faults.stream().anyMatch(g -> g == f));
    }

    synchronized void clear() {
        active.clear();
    }

    synchronized int size() {
        return active.size();
    }

    /** Drops faults that ended before {@code tick}. */
    synchronized void expire(long tick) {
        active.removeIf(f -> f.endTick() <= tick);
    }

    /** The strongest active fault of a kind on a target, or null. */
    synchronized Fault find(Kind kind, String target) {
        Fault best = null;
        for (var fault : active) {
            if (fault.kind() == kind && fault.target().equals(target)
                    && (best == null || fault.magnitude() > best.magnitude())) {
                best = fault;
            }
        }
        return best;
    }
}
