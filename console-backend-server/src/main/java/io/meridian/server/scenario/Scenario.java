package io.meridian.server.scenario;

import java.util.List;

/**
 * A platform description as written in a scenario file (schema in docs/scenarios.md). Fields are exactly the JSON
 * fields; {@link ScenarioValidator} checks them, so a record that leaves the loader is complete and consistent.
 */
public record Scenario(
        Integer schemaVersion,
        String name,
        String title,
        String source,
        String summary,
        Targets targets,
        List<Tier> tiers,
        List<RegionSpec> regions,
        List<ClusterSpec> clusters,
        FailoverPolicySpec failover,
        List<TeamMember> team) {

    /** Service-level targets of the platform. */
    public record Targets(
            Double detectionSeconds,
            Double lagSloP95Seconds,
            Double lagBreakerSeconds,
            Double clockOffsetMaxMicros,
            Double availabilityPercent,
            Double latencyP50Millis,
            Double latencyP95Millis) {}

    /**
     * How failovers are decided, optional: approvals needed to promote a primary (2: the two-person rule, the
     * default) and the anti-flapping window in which a second failover of one cluster needs an incident commander.
     */
    public record FailoverPolicySpec(Integer approvals, Double antiFlappingSeconds) {}

    /** Recovery objectives of one tier. */
    public record Tier(String name, Double rtoSeconds, Double rpoSeconds, String note) {}

    /** A deployment region. */
    public record RegionSpec(
            String id,
            String name,
            String provider,
            Location location,
            List<String> jurisdictions,
            String tier,
            String role) {}

    /** Where a region is, in degrees. */
    public record Location(Double lat, Double lon) {}

    /** A replication group. */
    public record ClusterSpec(String id, String name, List<ReplicaSpec> replicas) {}

    /** A person of the optional demo team: the identities a loopback demo lets a console act as. */
    public record TeamMember(String id, String name, List<String> roles) {}

    /** One member of a cluster; a standby names its upstream. */
    public record ReplicaSpec(String id, String region, String role, String upstream, Boolean sync) {}
}
