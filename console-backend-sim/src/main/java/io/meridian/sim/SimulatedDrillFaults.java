package io.meridian.sim;

import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.Topology;
import io.meridian.server.platform.DrillFault;
import io.meridian.server.platform.DrillFaults;
import io.meridian.server.platform.PlatformActionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Drill faults on the simulated platform, over its {@link Faults}: a declaration becomes one simulator fault per
 * region, link or replica it covers, lasting until lifted. It remembers which simulator faults each declaration
 * added and lifts only those, so a fault injected through SimulatorControlService on the same target stays.
 */
final class SimulatedDrillFaults implements DrillFaults {
    /** Drill faults end when lifted; this many ticks is "never" for the simulator. */
    private static final long UNTIL_LIFTED = Long.MAX_VALUE / 4;

    /** Adds one simulator fault; the platform supplies the tick under its lock. */
    interface Injector {
        Faults.Fault add(Faults.Kind kind, String target, double magnitude, long ticks);
    }

    private final Supplier<Topology> topology;
    private final Injector injector;
    private final Faults faults;
    private final Map<DrillFault, List<Faults.Fault>> injected = new HashMap<>();

    SimulatedDrillFaults(Supplier<Topology> topology, Injector injector, Faults faults) {
        this.topology = topology;
        this.injector = injector;
        this.faults = faults;
    }

    @Override
    public synchronized String inject(DrillFault fault) throws PlatformActionException {
        var now = topology.get();
        var added = new ArrayList<Faults.Fault>();
        switch (fault) {
            case DrillFault.RegionOutage o -> {
                requireRegion(now, o.regionId());
                added.add(injector.add(Faults.Kind.REGION_OUTAGE, o.regionId(), 1, UNTIL_LIFTED));
            }
            case DrillFault.Partition p -> {
                requireRegion(now, p.regionA());
                requireRegion(now, p.regionB());
                var links = now.links().stream().filter(l -> between(l, p.regionA(), p.regionB())).toList();
                if (links.isEmpty()) {
                    throw new PlatformActionException("no replication link runs between " + p.regionA() + " and "
                            + p.regionB() + ": a partition there would change nothing");
                }
                links.forEach(l -> added.add(injector.add(Faults.Kind.PARTITION, l.id(), 1, UNTIL_LIFTED)));
            }
            case DrillFault.LagSpike s -> {
                requireRegion(now, s.regionId());
                var links = now.links().stream().filter(l -> l.targetRegionId().equals(s.regionId())).toList();
                if (links.isEmpty()) {
                    throw new PlatformActionException("no replication link leads into " + s.regionId());
                }
                links.forEach(l -> added.add(injector.add(Faults.Kind.LAG_SPIKE, l.id(), s.extraSeconds(),
                        UNTIL_LIFTED)));
            }
            case DrillFault.ClockSkew c -> {
                requireRegion(now, c.regionId());
                now.clusters().stream().flatMap(cl -> cl.replicas().stream())
                        .filter(r -> r.regionId().equals(c.regionId()))
                        .forEach(r -> added.add(injector.add(Faults.Kind.CLOCK_SKEW, r.id(), c.offsetMicros(),
                                UNTIL_LIFTED)));
            }
        }
        injected.computeIfAbsent(fault, f -> new ArrayList<>()).addAll(added);
        return fault.describe() + " (simulated: " + added.size() + " fault(s) on "
                + String.join(", ", added.stream().map(Faults.Fault::target).distinct().toList()) + ")";
    }

    @Override
    public synchronized String lift(DrillFault fault) {
        var added = injected.remove(fault);
        if (added == null) {
            return fault.describe() + ": nothing of it is active on the simulated platform";
        }
        faults.remove(added);
        return fault.describe() + " lifted (" + added.size() + " simulated fault(s) removed)";
    }

    private static boolean between(ReplicationLink l, String a, String b) {
        return l.sourceRegionId().equals(a) && l.targetRegionId().equals(b)
                || l.sourceRegionId().equals(b) && l.targetRegionId().equals(a);
    }

    private static void requireRegion(Topology topology, String regionId) throws PlatformActionException {
        if (topology.region(regionId).isEmpty()) {
            throw new PlatformActionException("the simulated platform has no region '" + regionId + "'");
        }
    }
}
