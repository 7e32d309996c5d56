package io.meridian.server.drill;

import io.meridian.api.v1.DrillType;
import io.meridian.server.platform.DrillFault;
import java.util.List;

/**
 * What a drill will do, in order: a built-in plan for the single-fault types, or a runbook's steps. The regions are
 * everything the drill declares; it injects nothing outside them and no other drill may use them meanwhile.
 */
record DrillPlan(DrillType type, String title, String runbookName, List<String> regions, List<PlanStep> steps) {
    DrillPlan {
        regions = List.copyOf(regions);
        steps = List.copyOf(steps);
    }

    /** The faults the plan's inject steps declare, in order. */
    List<DrillFault> faults() {
        return steps.stream().filter(s -> s instanceof PlanStep.Inject).map(s -> ((PlanStep.Inject) s).fault())
                .toList();
    }
}
