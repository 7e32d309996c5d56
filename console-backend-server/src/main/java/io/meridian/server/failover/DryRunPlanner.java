package io.meridian.server.failover;

import io.meridian.api.v1.Candidate;
import io.meridian.api.v1.DryRunReport;
import io.meridian.api.v1.PolicyCheck;
import io.meridian.api.v1.Verdict;
import io.meridian.client.grpc.ProtoTime;
import io.meridian.model.failover.FailoverKind;
import io.meridian.model.topology.Cluster;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.RecoveryTier;
import io.meridian.model.topology.Region;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.TierTargets;
import io.meridian.model.topology.Topology;
import io.meridian.server.scenario.DataResidency;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Computes a proposal's dry-run report: every candidate ranked with why it is or is not eligible, the estimated
 * data loss and recovery time against the tier's targets, and the policy checks. Pure: the same inputs give the
 * same report, so it can be recomputed whenever a decider asks.
 */
final class DryRunPlanner {
    static final String SINGLE_WRITER = "single-writer";
    static final String CANDIDATE_HEALTH = "candidate-health";
    static final String DATA_RESIDENCY = "data-residency";
    static final String ANTI_FLAPPING = "anti-flapping";
    static final String LAG_GATE = "lag-gate";
    static final String FENCING = "fencing";
    static final String QUORUM = "quorum";
    static final String PRIMARY_REACHABLE = "primary-reachable";
    static final String INCIDENT_COMMANDER = "incident-commander";

    /** What the planner needs to know about one proposal. */
    record Situation(Topology topology, Cluster cluster, Replica oldPrimary, FailoverKind kind,
                     String requestedCandidate, Instant failureSeenAt, Instant now, Instant flappingWindowEndsAt,
                     Optional<String> fencingMethod) {}

    private final LagSource lag;
    private final FailoverPolicy policy;

    DryRunPlanner(LagSource lag, FailoverPolicy policy) {
        this.lag = lag;
        this.policy = policy;
    }

    /** The report, and the replica it proposes (the requested one, else the best ranked). */
    record Plan(DryRunReport report, String candidateId) {}

    Plan plan(Situation s) {
        var primaryRegion = s.topology().region(s.oldPrimary().regionId()).orElseThrow();
        var dataHome = dataHome(s, primaryRegion);
        var ranked = rank(s, primaryRegion, dataHome);
        var chosen = s.requestedCandidate() != null
                ? ranked.stream().filter(c -> c.replica().id().equals(s.requestedCandidate())).findFirst()
                : ranked.stream().findFirst();
        var report = DryRunReport.newBuilder().setComputedAt(ProtoTime.timestamp(s.now()));
        ranked.forEach(c -> report.addCandidates(c.toProto()));
        var targets = s.topology().tierTargets(primaryRegion.tier())
                .orElse(new TierTargets(primaryRegion.tier(), Duration.ZERO, Duration.ZERO, ""));
        report.setRpoTarget(ProtoTime.duration(targets.rpo())).setRtoTarget(ProtoTime.duration(targets.rto()));
        if (chosen.isEmpty()) {
            report.setRankingReason("no standby of " + s.cluster().id() + " can be promoted")
                    .addChecks(check(CANDIDATE_HEALTH, Verdict.VERDICT_BLOCK, "the cluster has no standby", ""))
                    .setVerdict(Verdict.VERDICT_BLOCK);
            return new Plan(report.build(), "");
        }
        var candidate = chosen.get();
        report.setRankingReason(rankingReason(candidate, ranked, s.requestedCandidate() != null));
        var loss = s.kind() == FailoverKind.PLANNED_SWITCHOVER ? LagReading.of(Duration.ZERO, 0) : candidate.lag();
        report.setEstimatedDataLoss(ProtoTime.duration(loss.lag())).setEstimatedLostBytes(loss.bytes())
                .setDataLossKnown(loss.known());
        var rto = s.kind() == FailoverKind.PLANNED_SWITCHOVER
                ? policy.expectedExecution().plus(candidate.lag().known() ? candidate.lag().lag() : Duration.ZERO)
                : Duration.between(s.failureSeenAt(), s.now()).plus(policy.expectedExecution());
        report.setEstimatedRto(ProtoTime.duration(rto));
        var checks = checks(s, dataHome, candidate, loss, targets);
        checks.forEach(report::addChecks);
        report.setVerdict(checks.stream().map(PolicyCheck::getVerdict)
                .max(Comparator.comparingInt(Verdict::getNumber)).orElse(Verdict.VERDICT_PASS));
        return new Plan(report.build(), candidate.replica().id());
    }

    /** One standby as a candidate: its figures and what blocks or favours it. */
    private record Ranked(Replica replica, Region region, boolean synchronous, LagReading lag, boolean eligible,
                          List<String> reasons) {
        Candidate toProto() {
            return Candidate.newBuilder().setReplicaId(replica.id()).setRegionId(replica.regionId())
                    .setHealth(io.meridian.api.v1.Health.valueOf("HEALTH_" + replica.health().name()))
                    .setLag(ProtoTime.duration(lag.lag())).setLagBytes(lag.bytes()).setLagKnown(lag.known())
                    .setSynchronous(synchronous).setEligible(eligible).addAllReasons(reasons).build();
        }
    }

    /**
     * The region whose residency obligations the cluster's data carries: its home, not wherever a failover moved
     * the primary (docs/scenarios.md). A platform that names no home falls back to the primary's region.
     */
    private static Region dataHome(Situation s, Region primaryRegion) {
        return s.topology().region(s.cluster().homeRegionId()).orElse(primaryRegion);
    }

    private List<Ranked> rank(Situation s, Region primaryRegion, Region dataHome) {
        var ranked = new ArrayList<Ranked>();
        for (var replica : s.cluster().replicas()) {
            if (replica.id().equals(s.oldPrimary().id()) || replica.role() == ReplicaRole.PRIMARY) {
                continue;
            }
            var region = s.topology().region(replica.regionId()).orElseThrow();
            var link = s.topology().links().stream()
                    .filter(l -> l.sourceReplicaId().equals(s.oldPrimary().id())
                            && l.targetReplicaId().equals(replica.id()))
                    .findFirst();
            boolean sync = link.map(ReplicationLink::synchronous).orElse(false);
            var reading = link.isEmpty() ? LagReading.unknown("does not replicate from " + s.oldPrimary().id()
                    + " directly")
                    : lag.at(link.get().id(), s.failureSeenAt() != null ? s.failureSeenAt() : s.now());
            var reasons = new ArrayList<String>();
            boolean eligible = true;
            if (replica.health() == Health.FAILED || replica.health() == Health.UNKNOWN) {
                eligible = false;
                reasons.add("down: " + (replica.healthDetail().isEmpty() ? "no contact" : replica.healthDetail()));
            }
            var missing = DataResidency.missingLabels(dataHome.jurisdictions(), region.jurisdictions());
            if (!missing.isEmpty()) {
                eligible = false;
                reasons.add("data residency: " + region.id() + " lacks " + String.join(", ", missing));
            }
            if (replica.health() == Health.DEGRADED) {
                reasons.add("degraded: " + replica.healthDetail());
            } else if (replica.health() == Health.HEALTHY) {
                reasons.add("healthy");
            }
            if (sync) {
                reasons.add("synchronous standby");
            }
            reasons.add("lag " + reading.describe());
            reasons.add(region.id().equals(primaryRegion.id()) ? "same region as the primary"
                    : "in " + region.displayName() + " (" + region.tier() + ")");
            ranked.add(new Ranked(replica, region, sync, reading, eligible, List.copyOf(reasons)));
        }
        ranked.sort(Comparator.comparing((Ranked r) -> !r.eligible())
                .thenComparing(r -> r.replica().health().ordinal() > Health.DEGRADED.ordinal())
                .thenComparing(r -> r.replica().health() != Health.HEALTHY)
                .thenComparing(r -> !r.synchronous())
                .thenComparing(r -> !r.region().id().equals(primaryRegion.id()))
                .thenComparing(r -> !r.lag().known())
                .thenComparing(r -> r.lag().lag())
                .thenComparing(r -> r.region().tier(), Comparator.comparingInt(RecoveryTier::ordinal))
                .thenComparing(r -> r.replica().id()));
        return ranked;
    }

    private static String rankingReason(Ranked first, List<Ranked> all, boolean requested) {
        if (requested) {
            return first.replica().id() + " was chosen by the requester; Meridian ranks it "
                    + (all.indexOf(first) + 1) + " of " + all.size();
        }
        if (!first.eligible()) {
            return "no standby is eligible; " + first.replica().id() + " is the least bad: "
                    + String.join(", ", first.reasons());
        }
        long eligible = all.stream().filter(Ranked::eligible).count();
        return first.replica().id() + " is first of " + eligible + " eligible: " + String.join(", ", first.reasons());
    }

    private List<PolicyCheck> checks(Situation s, Region home, Ranked candidate, LagReading loss,
                                     TierTargets targets) {
        var checks = new ArrayList<PolicyCheck>();
        var primaries = s.cluster().replicas().stream().filter(r -> r.role() == ReplicaRole.PRIMARY)
                .map(Replica::id).toList();
        checks.add(primaries.size() > 1
                ? check(SINGLE_WRITER, Verdict.VERDICT_BLOCK, "split brain: " + String.join(" and ", primaries)
                        + " both accept writes; fence one before any other action", "")
                : check(SINGLE_WRITER, Verdict.VERDICT_PASS, "one writer: " + s.oldPrimary().id(), ""));
        var health = candidate.replica().health();
        checks.add(switch (health) {
            case HEALTHY -> check(CANDIDATE_HEALTH, Verdict.VERDICT_PASS, candidate.replica().id() + " is healthy", "");
            case DEGRADED -> check(CANDIDATE_HEALTH, Verdict.VERDICT_WARN, candidate.replica().id() + " is degraded: "
                    + candidate.replica().healthDetail(), "");
            case FAILED, UNKNOWN -> check(CANDIDATE_HEALTH, Verdict.VERDICT_BLOCK, candidate.replica().id()
                    + " is down: " + candidate.replica().healthDetail(), "");
        });
        var missing = DataResidency.missingLabels(home.jurisdictions(), candidate.region().jurisdictions());
        checks.add(missing.isEmpty()
                ? check(DATA_RESIDENCY, Verdict.VERDICT_PASS, "data homed in " + home.id() + " ("
                        + String.join(", ", home.jurisdictions()) + ") may move to " + candidate.region().id(), "")
                : check(DATA_RESIDENCY, Verdict.VERDICT_BLOCK, "data of " + s.cluster().id() + " is governed by "
                        + String.join(", ", missing) + " in " + home.id() + "; " + candidate.region().id()
                        + " (" + String.join(", ", candidate.region().jurisdictions()) + ") may not hold it", ""));
        if (s.flappingWindowEndsAt() != null && s.now().isBefore(s.flappingWindowEndsAt())) {
            checks.add(check(ANTI_FLAPPING, Verdict.VERDICT_WARN, s.cluster().id() + " failed over less than "
                    + Durations.words(policy.antiFlapping()) + " ago; the window ends in "
                    + Durations.words(Duration.between(s.now(), s.flappingWindowEndsAt())), INCIDENT_COMMANDER));
        } else {
            checks.add(check(ANTI_FLAPPING, Verdict.VERDICT_PASS, "no failover of " + s.cluster().id() + " in the last "
                    + Durations.words(policy.antiFlapping()), ""));
        }
        checks.add(lagGate(loss, targets));
        checks.add(fencing(s));
        checks.add(quorum(s));
        return checks;
    }

    private static PolicyCheck lagGate(LagReading loss, TierTargets targets) {
        if (!loss.known()) {
            return check(LAG_GATE, Verdict.VERDICT_WARN, "estimated data loss is " + loss.describe()
                    + "; the tier allows " + Durations.words(targets.rpo()), INCIDENT_COMMANDER);
        }
        if (loss.lag().compareTo(targets.rpo()) > 0) {
            return check(LAG_GATE, Verdict.VERDICT_WARN, "estimated data loss " + loss.describe() + " exceeds the "
                    + targets.tier() + " tier's RPO of " + Durations.words(targets.rpo()), INCIDENT_COMMANDER);
        }
        return check(LAG_GATE, Verdict.VERDICT_PASS, "estimated data loss " + loss.describe() + " within the "
                + targets.tier() + " tier's RPO of " + Durations.words(targets.rpo()), "");
    }

    private static PolicyCheck fencing(Situation s) {
        var old = s.oldPrimary();
        if (s.kind() == FailoverKind.PLANNED_SWITCHOVER) {
            return old.health() == Health.FAILED
                    ? check(PRIMARY_REACHABLE, Verdict.VERDICT_BLOCK, old.id() + " is down: a switchover needs a "
                            + "reachable primary to hand over; this is a failover", "")
                    : check(PRIMARY_REACHABLE, Verdict.VERDICT_PASS, old.id() + " is reachable: it will be fenced "
                            + "after the candidate caught up", "");
        }
        return s.fencingMethod()
                .map(how -> check(FENCING, Verdict.VERDICT_PASS, old.id() + " can be fenced: " + how, ""))
                .orElse(check(FENCING, Verdict.VERDICT_WARN, old.id() + " cannot be fenced now: promoting another "
                        + "replica risks two writers", INCIDENT_COMMANDER));
    }

    private static PolicyCheck quorum(Situation s) {
        int total = s.cluster().replicas().size();
        Function<Replica, Boolean> up = r -> r.health() == Health.HEALTHY || r.health() == Health.DEGRADED;
        long reachable = s.cluster().replicas().stream().filter(up::apply).count();
        return reachable * 2 > total
                ? check(QUORUM, Verdict.VERDICT_PASS, reachable + " of " + total + " replicas reachable", "")
                : check(QUORUM, Verdict.VERDICT_WARN, "only " + reachable + " of " + total + " replicas reachable: "
                        + "the surviving side may be the minority", "");
    }

    private static PolicyCheck check(String rule, Verdict verdict, String reason, String overrideRole) {
        return PolicyCheck.newBuilder().setRule(rule).setVerdict(verdict).setReason(reason)
                .setOverrideRole(verdict == Verdict.VERDICT_WARN ? overrideRole : "").build();
    }
}
