package io.meridian.server.platform;

import java.util.Objects;

/**
 * A fault a drill declares before injecting it. The declaration is the whole of what the drill may touch: the
 * platform injects exactly this and lifts exactly this, never anything it finds there already.
 */
public sealed interface DrillFault {
    /** The fault in words, for timelines and audit entries. */
    String describe();

    /** Every replica of {@code regionId} fails (misses heartbeats) until lifted. */
    record RegionOutage(String regionId) implements DrillFault {
        public RegionOutage {
            Objects.requireNonNull(regionId, "regionId");
        }

        @Override
        public String describe() {
            return "outage of region " + regionId;
        }
    }

    /** Replication links between {@code regionA} and {@code regionB}, both directions, are cut until lifted. */
    record Partition(String regionA, String regionB) implements DrillFault {
        public Partition {
            Objects.requireNonNull(regionA, "regionA");
            Objects.requireNonNull(regionB, "regionB");
        }

        @Override
        public String describe() {
            return "network partition between " + regionA + " and " + regionB;
        }
    }

    /** Every replication link into {@code regionId} lags {@code extraSeconds} more until lifted. */
    record LagSpike(String regionId, double extraSeconds) implements DrillFault {
        public LagSpike {
            Objects.requireNonNull(regionId, "regionId");
        }

        @Override
        public String describe() {
            return "replication lag spike of " + Figures.plain(extraSeconds) + " s on the links into " + regionId;
        }
    }

    /** The clock of every replica in {@code regionId} moves by {@code offsetMicros} until lifted. */
    record ClockSkew(String regionId, double offsetMicros) implements DrillFault {
        public ClockSkew {
            Objects.requireNonNull(regionId, "regionId");
        }

        @Override
        public String describe() {
            return "clock skew of " + Figures.plain(offsetMicros) + " µs on the replicas of " + regionId;
        }
    }

    /** Numbers in descriptions without a needless ".0". */
    final class Figures {
        private Figures() {
        }

        static String plain(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }
}
