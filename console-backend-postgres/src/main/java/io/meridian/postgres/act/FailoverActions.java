package io.meridian.postgres.act;

import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.topology.Cluster;
import io.meridian.postgres.connect.Connector;
import io.meridian.postgres.connect.Server;
import io.meridian.postgres.observe.ObservationLoop;
import io.meridian.postgres.platformfile.PostgresSection;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PhaseResult;
import io.meridian.server.platform.PlatformActionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Carries out the phases of an approved plan on live servers with the action credential, keeping what one phase
 * learns for the next (per proposal). While the observer reports a split brain in the plan's cluster, every phase
 * but FENCE is refused.
 */
public final class FailoverActions {
    /** Health detail prefix of a split brain, as the observer writes it. */
    public static final String SPLIT_BRAIN = "SPLIT BRAIN";

    private final ActionContext ctx;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Map<String, List<String>> repointed = new ConcurrentHashMap<>();

    public FailoverActions(Map<String, Server> servers, Connector connector, ObservationLoop observation,
                           PostgresSection section) {
        this.ctx = new ActionContext(servers, connector, observation, section);
    }

    public PhaseResult execute(ExecutionPhase phase, FailoverPlan plan) throws PlatformActionException {
        if (phase != ExecutionPhase.FENCE) {
            refuseOnSplitBrain(plan);
        }
        if (phase == ExecutionPhase.FENCE) {
            // A run starts with fencing; one retried after a failure starts over, forgetting the failed attempt.
            runs.put(plan.proposalId(), new Run());
            repointed.put(plan.proposalId(), new ArrayList<>());
        }
        var run = runs.computeIfAbsent(plan.proposalId(), id -> new Run());
        var following = repointed.computeIfAbsent(plan.proposalId(), id -> new ArrayList<>());
        return switch (phase) {
            case FENCE -> Fencing.fence(ctx, plan, run);
            case PROMOTE -> Promotion.promote(ctx, plan, run);
            case REROUTE -> Repointing.repoint(ctx, plan, run, following);
            case VERIFY_HEALTH -> Verification.verify(ctx, plan, run, following);
            case CHECK_CONSISTENCY -> {
                var result = Verification.consistency(ctx, plan, run, following);
                runs.remove(plan.proposalId());
                repointed.remove(plan.proposalId());
                yield result;
            }
        };
    }

    private void refuseOnSplitBrain(FailoverPlan plan) throws PlatformActionException {
        var cluster = ctx.observation.topology().clusters().stream().filter(c -> c.id().equals(plan.clusterId()))
                .findFirst().map(Cluster::replicas).orElse(List.of());
        for (var replica : cluster) {
            if (replica.healthDetail().startsWith(SPLIT_BRAIN)) {
                throw new PlatformActionException("cluster " + plan.clusterId() + ": " + replica.healthDetail());
            }
        }
    }
}
