package io.meridian.server.drill;

import io.grpc.Status;
import io.meridian.api.v1.DrillType;
import io.meridian.model.topology.Topology;
import io.meridian.server.platform.DrillFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plans of the single-fault drill types: inject, expect what the fault should cause, clean up. A region outage
 * is expected to be detected, decided, recovered by failover and checked for consistency; a partition, lag spike or
 * clock skew lasts a while and is expected to be detected and then to heal once it is lifted.
 */
final class BuiltInPlans {
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
    private static final Set<String> TIMED = Set.of("duration_seconds");

    private BuiltInPlans() {
    }

    static DrillPlan of(DrillType type, List<String> targets, Map<String, String> parameters, Topology topology) {
        return switch (type) {
            case DRILL_TYPE_REGION_OUTAGE -> {
                allow(parameters, Set.of());
                var region = one(targets, "a region outage");
                yield failoverPlan("Region outage of " + region, region);
            }
            case DRILL_TYPE_NETWORK_PARTITION -> {
                allow(parameters, TIMED);
                if (targets.size() != 2 || targets.get(0).equals(targets.get(1))) {
                    throw invalid("a network partition needs two different regions as targets");
                }
                var fault = new DrillFault.Partition(targets.get(0), targets.get(1));
                yield timedPlan(type, "Network partition between " + targets.get(0) + " and " + targets.get(1),
                        targets, fault, duration(parameters));
            }
            case DRILL_TYPE_LAG_SPIKE -> {
                allow(parameters, Set.of("duration_seconds", "extra_lag_seconds"));
                var region = one(targets, "a lag spike");
                double slo = topology.targets().lagSloP95().toNanos() / 1e9;
                double extra = number(parameters, "extra_lag_seconds", 2 * slo, 0.001, 86_400);
                yield timedPlan(type, "Replication lag spike into " + region, List.of(region),
                        new DrillFault.LagSpike(region, extra), duration(parameters));
            }
            case DRILL_TYPE_CLOCK_SKEW -> {
                allow(parameters, Set.of("duration_seconds", "offset_micros"));
                var region = one(targets, "a clock skew");
                double max = topology.targets().clockOffsetMaxMicros();
                double offset = number(parameters, "offset_micros", 20 * max, -60_000_000, 60_000_000);
                if (Math.abs(offset) <= max) {
                    throw invalid("offset_micros " + offset + " is within the platform's allowed clock offset ("
                            + max + " µs): nothing would be detected");
                }
                yield timedPlan(type, "Clock skew in " + region, List.of(region),
                        new DrillFault.ClockSkew(region, offset), duration(parameters));
            }
            case DRILL_TYPE_RUNBOOK -> throw new IllegalArgumentException("a runbook has its own plan");
            case DRILL_TYPE_UNSPECIFIED, UNRECOGNIZED -> throw invalid("type is required: region outage, network "
                    + "partition, lag spike, clock skew or runbook");
        };
    }

    private static DrillPlan failoverPlan(String title, String region) {
        var steps = new ArrayList<PlanStep>();
        steps.add(new PlanStep.Inject("inject", "Take region " + region + " out", new DrillFault.RegionOutage(region),
                null));
        steps.add(expect(PlanStep.Outcome.DETECTED));
        steps.add(expect(PlanStep.Outcome.DECIDED));
        steps.add(expect(PlanStep.Outcome.RECOVERED));
        steps.add(expect(PlanStep.Outcome.CONSISTENT));
        steps.add(new PlanStep.Cleanup("cleanup", "Bring " + region + " back",
                "Meridian lifts the outage; the old primaries rejoin as standbys."));
        return new DrillPlan(DrillType.DRILL_TYPE_REGION_OUTAGE, title, "", List.of(region), steps);
    }

    private static DrillPlan timedPlan(DrillType type, String title, List<String> regions, DrillFault fault,
                                       Duration lasts) {
        var steps = List.<PlanStep>of(
                new PlanStep.Inject("inject", "Inject: " + fault.describe() + " for " + Durations.words(lasts), fault,
                        lasts),
                expect(PlanStep.Outcome.DETECTED),
                expect(PlanStep.Outcome.RECOVERED),
                new PlanStep.Cleanup("cleanup", "Lift what is left", "Meridian lifts the fault if it still runs."));
        return new DrillPlan(type, title, "", regions, steps);
    }

    private static PlanStep.Expect expect(PlanStep.Outcome outcome) {
        return new PlanStep.Expect(outcome.word(), outcome.title(), outcome, null);
    }

    private static String one(List<String> targets, String what) {
        if (targets.size() != 1) {
            throw invalid(what + " needs exactly one region as target, got " + targets.size());
        }
        return targets.getFirst();
    }

    private static Duration duration(Map<String, String> parameters) {
        double seconds = number(parameters, "duration_seconds", DEFAULT_DURATION.toSeconds(), 1, 6 * 3600);
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    static double number(Map<String, String> parameters, String name, double fallback, double min, double max) {
        var text = parameters.get(name);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw invalid("parameter " + name + " must be a number, was '" + text + "'");
        }
        if (!(value >= min && value <= max)) {
            throw invalid("parameter " + name + " must be between " + min + " and " + max + ", was " + text);
        }
        return value;
    }

    private static void allow(Map<String, String> parameters, Set<String> allowed) {
        for (var name : parameters.keySet()) {
            if (!allowed.contains(name)) {
                throw invalid("unknown parameter '" + name + "' for this drill type"
                        + (allowed.isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")"));
            }
        }
    }

    private static RuntimeException invalid(String message) {
        return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
    }
}
