package io.meridian.console.failover;

import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.client.ActingIdentity;
import io.meridian.model.failover.Candidate;
import io.meridian.model.failover.Decision;
import io.meridian.model.failover.DecisionKind;
import io.meridian.model.failover.DryRunReport;
import io.meridian.model.failover.FailoverKind;
import io.meridian.model.failover.PolicyCheck;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.ProposalState;
import io.meridian.model.failover.Verdict;
import io.meridian.model.session.Role;
import io.meridian.model.topology.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Proposals and identities for the failover view-model tests. */
final class Proposals {
    static final Instant OPENED = Instant.parse("2026-11-25T14:00:00Z");
    static final ActingIdentity DANA = identity("dana", "Dana Okafor", Role.OPERATOR, 1);
    static final ActingIdentity OMAR = identity("omar", "Omar Haddad", Role.INCIDENT_COMMANDER, 2);
    static final ActingIdentity VERA = identity("vera", "Vera Lind", Role.VIEWER, 3);

    private Proposals() {
    }

    static ActingIdentity identity(String id, String name, Role role, int seed) {
        var bytes = new byte[32];
        bytes[0] = (byte) seed;
        return new ActingIdentity(id, name, Set.of(role), Ed25519PrivateKey.fromSeed(bytes));
    }

    static PolicyCheck pass(String rule) {
        return new PolicyCheck(rule, Verdict.PASS, rule + " is fine", "");
    }

    static PolicyCheck warn(String rule, String role) {
        return new PolicyCheck(rule, Verdict.WARN, rule + " is at risk", role);
    }

    static PolicyCheck block(String rule) {
        return new PolicyCheck(rule, Verdict.BLOCK, "data would leave its jurisdiction", "");
    }

    static Proposal open(long version, List<PolicyCheck> checks, Decision... decisions) {
        var verdict = checks.stream().map(PolicyCheck::verdict).reduce(Verdict.PASS, Verdict::worse);
        var report = new DryRunReport(OPENED.plusSeconds(1), List.of(
                new Candidate("eu-db-fra-2", "eu-central-1", Health.HEALTHY, Duration.ofMillis(300), 2048, true, true,
                        true, List.of("synchronous standby", "healthy")),
                new Candidate("eu-db-fra-3", "eu-central-1", Health.HEALTHY, Duration.ofSeconds(12), 800_000, false,
                        false, false, List.of("lag frozen for 40 s: unknown"))),
                "eu-db-fra-2 is synchronous and caught up", Duration.ofMillis(300), 2048, true,
                Duration.ofSeconds(5), Duration.ofSeconds(45), Duration.ofMinutes(1), checks, verdict);
        return new Proposal("p-1", version, "eu-orders", FailoverKind.UNPLANNED_FAILOVER, ProposalState.OPEN, "",
                "eu-db-fra-1", "eu-db-fra-2", "detected: eu-db-fra-1 missed heartbeats", OPENED,
                OPENED.minusSeconds(25), report, 2, List.of(decisions), List.of(), null, null, 0, "", null);
    }

    static Decision approvalBy(ActingIdentity who, long version) {
        return new Decision(who.id(), who.displayName(), DecisionKind.APPROVE, "primary is gone",
                OPENED.plusSeconds(40), "req-" + who.id(), version, List.of(), new byte[64]);
    }
}
