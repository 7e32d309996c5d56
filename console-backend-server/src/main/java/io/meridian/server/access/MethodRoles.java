package io.meridian.server.access;

import io.meridian.model.session.Role;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which roles may call each gRPC method, by full method name ("meridian.v1.AuditService/StreamEntries"). The table
 * is the one place the backend's access rules live; {@link RoleInterceptor} enforces it on every call, and a method
 * missing from it is denied, so a new service stays closed until someone writes down who may use it. The rules are
 * explained in docs/security.md.
 */
public final class MethodRoles {
    /** Every role: any authenticated caller, the anonymous viewer included. */
    public static final Set<Role> ANY_ROLE = Set.copyOf(EnumSet.allOf(Role.class));

    private static final MethodRoles STANDARD = build();

    private final Map<String, Set<Role>> allowed;

    private MethodRoles(Map<String, Set<Role>> allowed) {
        this.allowed = Map.copyOf(allowed);
    }

    /** The backend's table: meridian.v1, gRPC health and reflection, and the simulator's control service. */
    public static MethodRoles standard() {
        return STANDARD;
    }

    private static MethodRoles build() {
        var table = new HashMap<String, Set<Role>>();
        var commander = Set.of(Role.INCIDENT_COMMANDER);
        var decider = Set.of(Role.OPERATOR, Role.INCIDENT_COMMANDER);
        var auditor = Set.of(Role.AUDITOR);
        put(table, "meridian.v1.SessionService", ANY_ROLE, "GetSession");
        put(table, "meridian.v1.TopologyService", ANY_ROLE, "GetTopology", "WatchTopology");
        put(table, "meridian.v1.TelemetryService", ANY_ROLE, "StreamTelemetry", "GetTelemetryHistory");
        put(table, "grpc.health.v1.Health", ANY_ROLE, "Check", "Watch");
        put(table, "grpc.reflection.v1.ServerReflection", ANY_ROLE, "ServerReflectionInfo");
        // Checkpoints, signer keys and consistency proofs reveal no entry, only sizes and hashes: every console may
        // check that the log it was shown never shrinks or forks. Entries, query lookups and inclusion proofs show
        // or confirm what was executed, which is the auditors' business.
        put(table, "meridian.v1.AuditService", ANY_ROLE, "GetLatestCheckpoint", "GetSignerKeys",
                "GetConsistencyProof");
        put(table, "meridian.v1.AuditService", auditor, "StreamEntries", "LookupQueryId", "GetInclusionProof");
        // Injecting faults into the platform is a drill: incident commanders run drills.
        put(table, "meridian.v1.SimulatorControlService", commander, "InjectLagSpike", "PartitionLink", "SkewClock",
                "ShiftWorkload", "CrashReplica", "FailRegion", "ClearFaults");
        put(table, "meridian.v1.FailoverService", ANY_ROLE, "ListProposals", "GetProposal", "WatchProposals",
                "RefreshDryRun");
        put(table, "meridian.v1.FailoverService", decider, "RequestSwitchover", "Decide");
        put(table, "meridian.v1.DrillService", commander, "StartDrill", "AbortDrill");
        // A manual runbook step is confirmed by the person it names; the drill service checks who that is.
        put(table, "meridian.v1.DrillService", ANY_ROLE, "WatchDrill", "GetDrillReport", "ListDrills",
                "ConfirmDrillStep");
        return new MethodRoles(table);
    }

    private static void put(Map<String, Set<Role>> table, String service, Set<Role> roles, String... methods) {
        for (var method : methods) {
            if (table.put(service + "/" + method, roles) != null) {
                throw new IllegalStateException(service + "/" + method + " is listed twice");
            }
        }
    }

    /** The roles that may call the method, empty when the table does not know it (and the call is denied). */
    public Optional<Set<Role>> rolesFor(String fullMethodName) {
        return Optional.ofNullable(allowed.get(fullMethodName));
    }

    /** True when a caller holding {@code roles} may call the method: it holds one of the method's roles. */
    public boolean allows(String fullMethodName, Set<Role> roles) {
        var needed = allowed.get(fullMethodName);
        return needed != null && roles.stream().anyMatch(needed::contains);
    }
}
