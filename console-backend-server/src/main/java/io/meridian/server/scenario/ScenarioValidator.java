package io.meridian.server.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
    private static final List<String> TIER_ORDER = List.of("HOT", "WARM", "COLD");
    private static final Set<String> TIERS = Set.copyOf(TIER_ORDER);
    private static final List<String> REGION_ROLES =
            List.of("PRIMARY", "SECONDARY", "DR", "EDGE", "ANALYTICS", "COMPLIANCE_HUB");
    private static final String PRIMARY = "PRIMARY";
    private static final String STANDBY = "STANDBY";
    private static final List<String> REPLICA_ROLES = List.of(PRIMARY, STANDBY);

    private final List<String> problems = new ArrayList<>();

    private ScenarioValidator() {
    }

    /** Every problem of the scenario, each as "JSON path: what is wrong"; empty when it is valid. */
    static List<String> problems(Scenario s) {
        return problems(s, null);
    }

    /**
     * As {@link #problems(Scenario)}, and when {@code expectedName} is not null, the scenario's name must equal it
     * (a file {@code foo.json} holds the scenario {@code foo}).
     */
    static List<String> problems(Scenario s, String expectedName) {
        var validator = new ScenarioValidator();
        validator.check(s, expectedName);
        return validator.problems;
    }

    private void check(Scenario s, String expectedName) {
        if (s.schemaVersion() == null) {
            problem("schemaVersion", "missing; this version reads schemaVersion " + SCHEMA_VERSION);
        } else if (s.schemaVersion() != SCHEMA_VERSION) {
            problem("schemaVersion", "is " + s.schemaVersion() + "; this version reads only " + SCHEMA_VERSION);
        }
        if (id("name", s.name()) && expectedName != null && !expectedName.equals(s.name())) {
            problem("name", "is '" + s.name() + "' but the file is named '" + expectedName + ".json'; the name "
                    + "must equal the file name without .json");
        }
        text("title", s.title());
        text("source", s.source());
        text("summary", s.summary());
        checkTargets(s.targets());
        var tiers = checkTiers(s.tiers());
        var regions = checkRegions(s.regions(), tiers);
        checkClusters(s.clusters(), regions);
        checkEveryRegionUsed(s.regions(), s.clusters());
        checkFailoverPolicy(s.failover());
        problems.addAll(TeamValidator.problems(s.team()));
    }

    private void checkFailoverPolicy(Scenario.FailoverPolicySpec policy) {
        if (policy == null) {
            return;
        }
        if (policy.approvals() != null && (policy.approvals() < 1 || policy.approvals() > 2)) {
            problem("failover.approvals", "is " + policy.approvals() + "; expected 1 or 2 (the two-person rule)");
        }
        if (policy.antiFlappingSeconds() != null) {
            notNegative("failover.antiFlappingSeconds", policy.antiFlappingSeconds());
        }
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
            problem("targets.availabilityPercent", "must be above 0 and at most 100, is "
                    + number(t.availabilityPercent()));
        }
        if (t.lagSloP95Seconds() != null && t.lagBreakerSeconds() != null
                && t.lagBreakerSeconds() < t.lagSloP95Seconds()) {
            problem("targets.lagBreakerSeconds", "is below lagSloP95Seconds; the breaker must not open inside the SLO");
        }
        if (t.latencyP50Millis() != null && t.latencyP95Millis() != null
                && t.latencyP50Millis() > t.latencyP95Millis()) {
            problem("targets.latencyP50Millis", "is " + number(t.latencyP50Millis()) + ", above latencyP95Millis ("
                    + number(t.latencyP95Millis()) + "); a median cannot exceed the 95th percentile");
        }
    }

    private Set<String> checkTiers(List<Scenario.Tier> tiers) {
        var names = new HashSet<String>();
        if (tiers == null || tiers.isEmpty()) {
            problem("tiers", "missing or empty; list at least one of HOT, WARM, COLD");
            return names;
        }
        if (tiers.size() > TIER_ORDER.size()) {
            problem("tiers", "has " + tiers.size() + " entries; at most one each of HOT, WARM, COLD");
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
        checkTierOrder(tiers);
        return names;
    }

    /** Among the tiers present, RTO and RPO may stay equal or grow from HOT to WARM to COLD, never shrink. */
    private void checkTierOrder(List<Scenario.Tier> tiers) {
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < tiers.size(); i++) {
            var tier = tiers.get(i);
            if (tier != null && tier.name() != null) {
                index.putIfAbsent(tier.name(), i);
            }
        }
        var present = TIER_ORDER.stream().filter(index::containsKey).toList();
        for (int k = 1; k < present.size(); k++) {
            var hotter = tiers.get(index.get(present.get(k - 1)));
            int i = index.get(present.get(k));
            var colder = tiers.get(i);
            notStricter("tiers[" + i + "].rtoSeconds", colder, hotter, "rtoSeconds",
                    hotter.rtoSeconds(), colder.rtoSeconds());
            notStricter("tiers[" + i + "].rpoSeconds", colder, hotter, "rpoSeconds",
                    hotter.rpoSeconds(), colder.rpoSeconds());
        }
    }

    private void notStricter(String at, Scenario.Tier colder, Scenario.Tier hotter, String field, Double hot,
                             Double cold) {
        if (hot != null && cold != null && Double.isFinite(hot) && Double.isFinite(cold) && hot >= 0 && cold < hot) {
            problem(at, colder.name() + " " + field + " is " + number(cold) + ", below " + hotter.name() + "'s "
                    + number(hot) + "; objectives may not get stricter from HOT to WARM to COLD");
        }
    }

    /** Checks the regions; returns the valid ones by id (the first, where an id is defined twice). */
    private Map<String, Scenario.RegionSpec> checkRegions(List<Scenario.RegionSpec> regions, Set<String> tiers) {
        var ids = new LinkedHashMap<String, Scenario.RegionSpec>();
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
            if (id(at + ".id", r.id()) && ids.putIfAbsent(r.id(), r) != null) {
                problem(at + ".id", "region '" + r.id() + "' is defined twice");
            }
            text(at + ".name", r.name());
            text(at + ".provider", r.provider());
            checkLocation(at + ".location", r.location());
            if (r.jurisdictions() == null || r.jurisdictions().isEmpty()) {
                problem(at + ".jurisdictions", "missing or empty; name at least one law or regulator");
            } else {
                var seen = new HashSet<String>();
                for (int j = 0; j < r.jurisdictions().size(); j++) {
                    var label = r.jurisdictions().get(j);
                    if (text(at + ".jurisdictions[" + j + "]", label) && !seen.add(label)) {
                        problem(at + ".jurisdictions[" + j + "]", "'" + label + "' is listed twice");
                    }
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
            problem(at + ".lat", "must be a number from -90 to 90, is " + number(location.lat()));
        }
        if (location.lon() == null || !(location.lon() >= -180 && location.lon() <= 180)) {
            problem(at + ".lon", "must be a number from -180 to 180, is " + number(location.lon()));
        }
    }

    private void checkClusters(List<Scenario.ClusterSpec> clusters, Map<String, Scenario.RegionSpec> regions) {
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
            checkReplicas(at, c, regions, replicaIds);
        }
    }

    private void checkReplicas(String clusterAt, Scenario.ClusterSpec cluster,
                               Map<String, Scenario.RegionSpec> regions, Set<String> allReplicaIds) {
        var replicas = cluster.replicas();
        var members = new HashMap<String, Scenario.ReplicaSpec>();
        var primaries = new ArrayList<Scenario.ReplicaSpec>();
        for (int j = 0; j < replicas.size(); j++) {
            var at = clusterAt + ".replicas[" + j + "]";
            var r = replicas.get(j);
            if (r == null) {
                problem(at, "is null");
                continue;
            }
            if (id(at + ".id", r.id())) {
                if (!allReplicaIds.add(r.id())) {
                    problem(at + ".id", "replica '" + r.id()
                            + "' is defined twice (replica ids are unique per file)");
                }
                members.putIfAbsent(r.id(), r);
            }
            if (r.region() == null) {
                problem(at + ".region", "missing");
            } else if (!regions.containsKey(r.region())) {
                problem(at + ".region", "'" + r.region() + "' is not a region of this file");
            }
            oneOf(at + ".role", r.role(), REPLICA_ROLES);
            if (PRIMARY.equals(r.role())) {
                primaries.add(r);
                if (r.upstream() != null) {
                    problem(at + ".upstream", "a PRIMARY has no upstream");
                }
                if (r.sync() != null) {
                    problem(at + ".sync", "a PRIMARY has no sync flag; set it on the standbys it waits for");
                }
            } else if (STANDBY.equals(r.role()) && r.upstream() == null) {
                problem(at + ".upstream", "missing; a STANDBY names the replica it replicates from");
            }
        }
        if (primaries.size() != 1) {
            problem(clusterAt + ".replicas", "has " + primaries.size()
                    + " PRIMARY replicas; a cluster has exactly one");
        }
        var primary = primaries.size() == 1 ? primaries.getFirst() : null;
        for (int j = 0; j < replicas.size(); j++) {
            var r = replicas.get(j);
            if (r == null || !STANDBY.equals(r.role()) || r.upstream() == null) {
                continue;
            }
            var at = clusterAt + ".replicas[" + j + "]";
            if (r.upstream().equals(r.id())) {
                problem(at + ".upstream", "replica '" + r.id() + "' names itself as upstream");
            } else if (!members.containsKey(r.upstream())) {
                problem(at + ".upstream", "replica '" + r.id() + "' names upstream '" + r.upstream()
                        + "', which is not a member of this cluster");
            } else if (Boolean.TRUE.equals(r.sync()) && primary != null && !r.upstream().equals(primary.id())) {
                problem(at + ".sync", "is true, but upstream '" + r.upstream() + "' is not the PRIMARY ('"
                        + primary.id() + "'); a cascaded standby is always asynchronous");
            }
        }
        checkNoCycles(clusterAt, replicas, members);
        if (primary != null) {
            checkResidency(clusterAt, cluster, primary, regions);
        }
    }

    /** Reports each cycle of upstreams once, naming its members in replication order. */
    private void checkNoCycles(String clusterAt, List<Scenario.ReplicaSpec> replicas,
                               Map<String, Scenario.ReplicaSpec> members) {
        var reported = new HashSet<String>();
        for (var start : replicas) {
            if (start == null || start.id() == null) {
                continue;
            }
            var path = new ArrayList<String>();
            var at = start;
            while (at != null && at.upstream() != null && !at.upstream().equals(at.id())
                    && !path.contains(at.id())) {
                path.add(at.id());
                at = members.get(at.upstream());
            }
            if (at == null || !path.contains(at.id())) {
                continue;
            }
            var cycle = new ArrayList<>(path.subList(path.indexOf(at.id()), path.size()));
            if (cycle.stream().noneMatch(reported::contains)) {
                reported.addAll(cycle);
                cycle.add(cycle.getFirst());
                problem(clusterAt, "replication cycle " + String.join(" -> ", cycle.reversed())
                        + "; following upstream from a standby must reach the PRIMARY");
            }
        }
    }

    /**
     * Data residency: every replica of a cluster runs in a region that lists every residency-bound label of the
     * cluster's home region, the region of its PRIMARY.
     */
    private void checkResidency(String clusterAt, Scenario.ClusterSpec cluster, Scenario.ReplicaSpec primary,
                                Map<String, Scenario.RegionSpec> regions) {
        var home = regions.get(primary.region());
        if (home == null || home.jurisdictions() == null) {
            return;
        }
        var replicas = cluster.replicas();
        for (int j = 0; j < replicas.size(); j++) {
            var r = replicas.get(j);
            var region = r == null ? null : regions.get(r.region());
            if (region == null || region.jurisdictions() == null) {
                continue;
            }
            var missing = DataResidency.missingLabels(home.jurisdictions(), region.jurisdictions());
            if (!missing.isEmpty()) {
                var labels = String.join(", ", missing);
                problem(clusterAt + ".replicas[" + j + "].region", "'" + region.id() + "' lacks " + labels
                        + ", which the home region '" + home.id() + "' of cluster '" + cluster.id()
                        + "' lists; its data may only be copied to regions that list " + labels);
            }
        }
    }

    private void checkEveryRegionUsed(List<Scenario.RegionSpec> regions, List<Scenario.ClusterSpec> clusters) {
        if (regions == null) {
            return;
        }
        var used = new HashSet<String>();
        if (clusters != null) {
            clusters.stream().filter(c -> c != null && c.replicas() != null)
                    .flatMap(c -> c.replicas().stream())
                    .filter(r -> r != null && r.region() != null)
                    .forEach(r -> used.add(r.region()));
        }
        for (int i = 0; i < regions.size(); i++) {
            var r = regions.get(i);
            if (r != null && r.id() != null && !used.contains(r.id())) {
                problem("regions[" + i + "]", "region '" + r.id() + "' holds no replica; place at least one "
                        + "replica there or leave the region out");
            }
        }
    }

    private boolean id(String at, String value) {
        if (value == null) {
            problem(at, "missing");
            return false;
        }
        if (!ID.matcher(value).matches()) {
            problem(at, "'" + value + "' is not an id: use lower-case letters, digits and '-', "
                    + "starting with a letter or digit");
            return false;
        }
        return true;
    }

    private boolean text(String at, String value) {
        if (value == null || value.isBlank()) {
            problem(at, "missing or blank");
            return false;
        }
        return true;
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
            problem(at, "must be a positive number, is " + number(value));
        }
    }

    private void notNegative(String at, Double value) {
        if (value == null) {
            problem(at, "missing");
        } else if (!(value >= 0) || value.isInfinite()) {
            problem(at, "must be zero or more, is " + number(value));
        }
    }

    /** A number as a user wrote it: {@code 30}, not {@code 30.0}. */
    private static String number(Double value) {
        if (value == null) {
            return "missing";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString(value.longValue());
        }
        return value.toString();
    }

    private void problem(String at, String what) {
        problems.add(at + ": " + what);
    }
}
