package io.meridian.server.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a parsed scenario against the rules of docs/scenarios.md and lists every problem with its JSON path, so a
 * user fixes a file in one pass instead of one error at a time.
 */
final class ScenarioValidator {
    static final int SCHEMA_VERSION = 1;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Set<String> TIERS = Set.of("HOT", "WARM", "COLD");
    private static final List<String> REGION_ROLES =
            List.of("PRIMARY", "SECONDARY", "DR", "EDGE", "ANALYTICS", "COMPLIANCE_HUB");
    private static final List<String> REPLICA_ROLES = List.of("PRIMARY", "STANDBY");

    private final List<String> problems = new ArrayList<>();

    private ScenarioValidator() {
    }

    static List<String> problems(Scenario s) {
        var validator = new ScenarioValidator();
        validator.check(s);
        return validator.problems;
    }

    private void check(Scenario s) {
        if (s.schemaVersion() == null) {
            problem("schemaVersion", "missing; this version reads schemaVersion " + SCHEMA_VERSION);
        } else if (s.schemaVersion() != SCHEMA_VERSION) {
            problem("schemaVersion", "is " + s.schemaVersion() + "; this version reads only " + SCHEMA_VERSION);
        }
        id("name", s.name());
        text("title", s.title());
        text("source", s.source());
        text("summary", s.summary());
        checkTargets(s.targets());
        var tiers = checkTiers(s.tiers());
        var regions = checkRegions(s.regions(), tiers);
        checkClusters(s.clusters(), regions);
    }

    private void checkTargets(Scenario.Targets t) {
        if (t == null) {
            problem("targets", "missing");
            return;
        }
        positive("targets.detectionSeconds", t.detectionSeconds());
        positive("targets.lagSloP95Seconds", t.lagSloP95Seconds());
        positive("targets.lagBreakerSeconds", t.lagBreakerSeconds());
        positive("targets.clockOffsetMaxMicros", t.clockOffsetMaxMicros());
        positive("targets.latencyP50Millis", t.latencyP50Millis());
        positive("targets.latencyP95Millis", t.latencyP95Millis());
        if (t.availabilityPercent() == null) {
            problem("targets.availabilityPercent", "missing");
        } else if (!(t.availabilityPercent() > 0 && t.availabilityPercent() <= 100)) {
            problem("targets.availabilityPercent", "must be above 0 and at most 100, is " + t.availabilityPercent());
        }
        if (t.lagSloP95Seconds() != null && t.lagBreakerSeconds() != null
                && t.lagBreakerSeconds() < t.lagSloP95Seconds()) {
            problem("targets.lagBreakerSeconds", "is below lagSloP95Seconds; the breaker must not open inside the SLO");
        }
    }

    private Set<String> checkTiers(List<Scenario.Tier> tiers) {
        var names = new HashSet<String>();
        if (tiers == null || tiers.isEmpty()) {
            problem("tiers", "missing or empty; list at least one of HOT, WARM, COLD");
            return names;
        }
        for (int i = 0; i < tiers.size(); i++) {
            var at = "tiers[" + i + "]";
            var tier = tiers.get(i);
            if (tier == null) {
                problem(at, "is null");
                continue;
            }
            if (tier.name() == null || !TIERS.contains(tier.name())) {
                problem(at + ".name", "is '" + tier.name() + "'; expected one of HOT, WARM, COLD");
            } else if (!names.add(tier.name())) {
                problem(at + ".name", "tier " + tier.name() + " is listed twice");
            }
            positive(at + ".rtoSeconds", tier.rtoSeconds());
            notNegative(at + ".rpoSeconds", tier.rpoSeconds());
        }
        return names;
    }

    private Set<String> checkRegions(List<Scenario.RegionSpec> regions, Set<String> tiers) {
        var ids = new HashSet<String>();
        if (regions == null || regions.isEmpty()) {
            problem("regions", "missing or empty; a platform has at least one region");
            return ids;
        }
        for (int i = 0; i < regions.size(); i++) {
            var at = "regions[" + i + "]";
            var r = regions.get(i);
            if (r == null) {
                problem(at, "is null");
                continue;
            }
            if (id(at + ".id", r.id()) && !ids.add(r.id())) {
                problem(at + ".id", "region '" + r.id() + "' is defined twice");
            }
            text(at + ".name", r.name());
            text(at + ".provider", r.provider());
            checkLocation(at + ".location", r.location());
            if (r.jurisdictions() == null || r.jurisdictions().isEmpty()) {
                problem(at + ".jurisdictions", "missing or empty; name at least one law or regulator");
            } else {
                for (int j = 0; j < r.jurisdictions().size(); j++) {
                    text(at + ".jurisdictions[" + j + "]", r.jurisdictions().get(j));
                }
            }
            if (r.tier() == null) {
                problem(at + ".tier", "missing");
            } else if (!tiers.contains(r.tier())) {
                problem(at + ".tier", "'" + r.tier() + "' is not a tier of this file (tiers: "
                        + tiers.stream().sorted().collect(Collectors.joining(", ")) + ")");
            }
            oneOf(at + ".role", r.role(), REGION_ROLES);
        }
        return ids;
    }

    private void checkLocation(String at, Scenario.Location location) {
        if (location == null) {
            problem(at, "missing; give {\"lat\": ..., \"lon\": ...}");
            return;
        }
        if (location.lat() == null || !(location.lat() >= -90 && location.lat() <= 90)) {
            problem(at + ".lat", "must be a number from -90 to 90, is " + location.lat());
        }
        if (location.lon() == null || !(location.lon() >= -180 && location.lon() <= 180)) {
            problem(at + ".lon", "must be a number from -180 to 180, is " + location.lon());
        }
    }

    private void checkClusters(List<Scenario.ClusterSpec> clusters, Set<String> regions) {
        if (clusters == null || clusters.isEmpty()) {
            problem("clusters", "missing or empty; a platform has at least one cluster");
            return;
        }
        var clusterIds = new HashSet<String>();
        var replicaIds = new HashSet<String>();
        for (int i = 0; i < clusters.size(); i++) {
            var at = "clusters[" + i + "]";
            var c = clusters.get(i);
            if (c == null) {
                problem(at, "is null");
                continue;
            }
            if (id(at + ".id", c.id()) && !clusterIds.add(c.id())) {
                problem(at + ".id", "cluster '" + c.id() + "' is defined twice");
            }
            text(at + ".name", c.name());
            if (c.replicas() == null || c.replicas().isEmpty()) {
                problem(at + ".replicas", "missing or empty");
                continue;
            }
            checkReplicas(at, c.replicas(), regions, replicaIds);
        }
    }

    private void checkReplicas(String clusterAt, List<Scenario.ReplicaSpec> replicas, Set<String> regions,
                               Set<String> allReplicaIds) {
        var upstreamOf = new HashMap<String, String>();
        int primaries = 0;
        for (int j = 0; j < replicas.size(); j++) {
            var at = clusterAt + ".replicas[" + j + "]";
            var r = replicas.get(j);
            if (r == null) {
                problem(at, "is null");
                continue;
            }
            if (id(at + ".id", r.id()) && !allReplicaIds.add(r.id())) {
                problem(at + ".id", "replica '" + r.id() + "' is defined twice (replica ids are unique per file)");
            }
            if (r.region() == null) {
                problem(at + ".region", "missing");
            } else if (!regions.contains(r.region())) {
                problem(at + ".region", "'" + r.region() + "' is not a region of this file");
            }
            oneOf(at + ".role", r.role(), REPLICA_ROLES);
            if ("PRIMARY".equals(r.role())) {
                primaries++;
                if (r.upstream() != null) {
                    problem(at + ".upstream", "a PRIMARY has no upstream");
                }
            } else if ("STANDBY".equals(r.role())) {
                if (r.upstream() == null) {
                    problem(at + ".upstream", "missing; a STANDBY names the replica it replicates from");
                } else {
                    upstreamOf.put(r.id(), r.upstream());
                }
            }
        }
        if (primaries != 1) {
            problem(clusterAt + ".replicas", "has " + primaries + " PRIMARY replicas; a cluster has exactly one");
        }
        var members = replicas.stream().filter(r -> r != null && r.id() != null)
                .map(Scenario.ReplicaSpec::id).collect(Collectors.toSet());
        upstreamOf.forEach((replica, upstream) -> {
            if (!members.contains(upstream)) {
                problem(clusterAt, "replica '" + replica + "' names upstream '" + upstream
                        + "', which is not a member of this cluster");
            }
        });
        checkNoCycles(clusterAt, upstreamOf);
    }

    private void checkNoCycles(String clusterAt, Map<String, String> upstreamOf) {
        for (var start : upstreamOf.keySet()) {
            var seen = new HashSet<String>();
            for (var at = start; at != null; at = upstreamOf.get(at)) {
                if (!seen.add(at)) {
                    problem(clusterAt, "replication cycle through '" + start + "': standbys must lead to the primary");
                    break;
                }
            }
        }
    }

    private boolean id(String at, String value) {
        if (value == null) {
            problem(at, "missing");
            return false;
        }
        if (!ID.matcher(value).matches()) {
            problem(at, "'" + value + "' is not an id: use lower-case letters, digits and '-'");
            return false;
        }
        return true;
    }

    private void text(String at, String value) {
        if (value == null || value.isBlank()) {
            problem(at, "missing or blank");
        }
    }

    private void oneOf(String at, String value, List<String> allowed) {
        if (value == null) {
            problem(at, "missing; expected one of " + String.join(", ", allowed));
        } else if (!allowed.contains(value)) {
            problem(at, "is '" + value + "'; expected one of " + String.join(", ", allowed));
        }
    }

    private void positive(String at, Double value) {
        if (value == null) {
            problem(at, "missing");
        } else if (!(value > 0) || value.isInfinite()) {
            problem(at, "must be a positive number, is " + value);
        }
    }

    private void notNegative(String at, Double value) {
        if (value == null) {
            problem(at, "missing");
        } else if (!(value >= 0) || value.isInfinite()) {
            problem(at, "must be zero or more, is " + value);
        }
    }

    private void problem(String at, String what) {
        problems.add(at + ": " + what);
    }
}
