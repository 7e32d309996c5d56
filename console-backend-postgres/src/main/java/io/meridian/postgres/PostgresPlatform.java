package io.meridian.postgres;

import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.session.PlatformInfo;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.Topology;
import io.meridian.postgres.act.FailoverActions;
import io.meridian.postgres.audit.StatementAudit;
import io.meridian.postgres.connect.Connector;
import io.meridian.postgres.connect.Server;
import io.meridian.postgres.observe.ObservationLoop;
import io.meridian.postgres.platformfile.PlatformFile;
import io.meridian.server.audit.AuditSource;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PhaseResult;
import io.meridian.server.platform.Platform;
import io.meridian.server.platform.PlatformActionException;
import io.meridian.server.platform.PlatformObserver;
import io.meridian.server.scenario.ScenarioTopology;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Live PostgreSQL streaming-replication clusters as a platform: the topology and telemetry come from probing every
 * server (read-only, monitor credential), and the failover phases act on them (action credential). Regions are
 * observed independently: one failing region leaves the others reported on time.
 */
public final class PostgresPlatform implements Platform {
    public static final String KIND = "postgres";

    private final PlatformInfo info;
    private final ObservationLoop observation;
    private final FailoverActions actions;
    private final Map<String, Server> servers;
    private final boolean fencingCommand;

    /** {@code environment} is where credentials that name an environment variable find their password. */
    public PostgresPlatform(PlatformFile file, Map<String, String> environment, Clock clock) {
        var scenario = file.scenario();
        var section = file.postgres();
        this.fencingCommand = !section.fencingCommandOrEmpty().isEmpty();
        this.info = new PlatformInfo(KIND, "PostgreSQL · " + scenario.title(), false, scenario.name(),
                scenario.title(), 0);
        var byReplica = new LinkedHashMap<String, Server>();
        var upstreams = new HashMap<String, String>();
        for (var cluster : scenario.clusters()) {
            for (var replica : cluster.replicas()) {
                var spec = file.server(replica.id());
                byReplica.put(replica.id(), new Server(cluster.id(), replica.id(), replica.region(), spec,
                        spec.monitor() != null ? spec.monitor() : section.monitor(),
                        spec.action() != null ? spec.action() : section.action()));
                if (replica.upstream() != null) {
                    upstreams.put(replica.id(), replica.upstream());
                }
            }
        }
        this.servers = Map.copyOf(byReplica);
        var connector = new Connector(environment, section.connectTimeoutMillisOrDefault());
        this.observation = new ObservationLoop(byReplica.values().stream().toList(), upstreams, connector,
                unprobed(ScenarioTopology.initial(scenario, clock.instant())),
                Duration.ofMillis(section.probeIntervalMillisOrDefault()), section.missedProbesOrDefault(),
                Duration.ofMillis(section.connectTimeoutMillisOrDefault()), clock);
        this.actions = new FailoverActions(servers, connector, observation, section);
    }

    /** The platform file's topology, every replica unknown until its first probe: nothing is claimed unseen. */
    private static Topology unprobed(Topology fromFile) {
        var clusters = fromFile.clusters().stream().map(c -> c.withReplicas(c.replicas()
                .stream().map(r -> r.withHealth(Health.UNKNOWN, "not probed yet", r.healthSince())).toList()))
                .toList();
        return new Topology(fromFile.targets(), fromFile.tiers(), fromFile.regions(), clusters, fromFile.links());
    }

    @Override
    public PlatformInfo info() {
        return info;
    }

    @Override
    public Topology topology() {
        return observation.topology();
    }

    @Override
    public void start(PlatformObserver observer) {
        observation.start(observer);
    }

    /** Lost means the configured number of missed probes, counted by the observer itself. */
    @Override
    public Duration failureConfirmation() {
        return Duration.ZERO;
    }

    /**
     * The configured fencing command when there is one; else setting the old primary read-only over SQL, which
     * needs it reachable; a lost primary without a fencing command cannot be fenced.
     */
    @Override
    public Optional<String> fencingMethod(Replica oldPrimary) {
        if (fencingCommand) {
            return Optional.of("the configured fencing command (postgres.fencingCommand)");
        }
        return oldPrimary.health() == Health.FAILED ? Optional.empty()
                : Optional.of("set it read-only over SQL and end its sessions");
    }

    @Override
    public PhaseResult execute(ExecutionPhase phase, FailoverPlan plan) throws PlatformActionException {
        return actions.execute(phase, plan);
    }

    /** The executed statements of every server, as query-ID audit entries. */
    public AuditSource auditSource() {
        return new StatementAudit(observation);
    }

    /** The servers by replica id, as the platform file describes them. */
    public Map<String, Server> servers() {
        return servers;
    }

    @Override
    public void close() {
        observation.close();
    }
}
