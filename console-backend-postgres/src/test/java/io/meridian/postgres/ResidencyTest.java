package io.meridian.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.meridian.api.v1.Candidate;
import io.meridian.api.v1.PolicyCheck;
import io.meridian.api.v1.Proposal;
import io.meridian.api.v1.ProposalState;
import io.meridian.api.v1.Verdict;
import io.meridian.model.topology.Region;
import io.meridian.postgres.harness.Approvers;
import io.meridian.postgres.harness.PgCluster;
import io.meridian.postgres.harness.PlatformFiles;
import io.meridian.postgres.platformfile.PlatformFileLoader;
import io.meridian.server.BackendServer;
import io.meridian.server.access.AccessPolicy;
import io.meridian.server.audit.AuditDirectory;
import io.meridian.server.failover.FailoverPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-residency check of the failover workflow on live servers. A platform file may legally place a standby
 * in a region without GDPR when the cluster's home (its PRIMARY in the file) is not GDPR-bound: here a Virginia
 * primary (CCPA) with standbys in Dublin (GDPR) and California (CCPA). While the primary is in Virginia, both
 * standbys are eligible. Once a switchover approved by two people moved the primary to Dublin, the dry run judges
 * residency from the current primary's region (docs/failover.md): a switchover to California is BLOCKED by
 * data-residency, and no approval or override gets it executed.
 */
class ResidencyTest {
    private final Approvers people = new Approvers();

    @Test
    void aSwitchoverOutOfAGdprPrimaryIsBlockedByDataResidency(@TempDir Path dir) throws Exception {
        try (var cluster = PgCluster.start("dub1", "iad1", "dub1", "sfo1")) {
            var replicas = List.of(
                    replica(cluster, "iad1", "us-east-1", "PRIMARY", null, false),
                    replica(cluster, "dub1", "eu-west-1", "STANDBY", "iad1", true),
                    replica(cluster, "sfo1", "us-west-1", "STANDBY", "iad1", false));
            var file = PlatformFileLoader.load(PlatformFiles.write(dir, "residency",
                    List.of(new PlatformFiles.ClusterDef("orders", replicas)), "",
                    Map.of("us-east-1", List.of("CCPA"), "eu-west-1", List.of("GDPR"), "us-west-1", List.of("CCPA"))));
            var platform = new PostgresPlatform(file, PlatformFiles.ENVIRONMENT, Clock.systemUTC());
            var audit = AuditDirectory.open(dir.resolve("audit"), "residency-test".toCharArray(), 1000,
                    "meridian-postgres/audit/residency", platform.topology().regions().stream().map(Region::id)
                            .toList(), "postgres", platform.auditSource());
            try (var backend = BackendServer.start(NettyServerBuilder.forAddress(new InetSocketAddress(
                            InetAddress.getLoopbackAddress(), 0)), platform, Clock.systemUTC(), List.of(), audit,
                    FailoverPolicy.of(file.scenario(), Duration.ofSeconds(5), Duration.ofSeconds(10)),
                    AccessPolicy.certificates(id -> Optional.ofNullable(people.identity(id))))) {
                ApprovedSwitchoverTest.await(() -> ApprovedSwitchoverTest.healthy(platform, "iad1")
                        && ApprovedSwitchoverTest.healthy(platform, "dub1")
                        && ApprovedSwitchoverTest.healthy(platform, "sfo1"));
                var workflow = backend.failover();

                // Homed in Virginia (CCPA binds nothing): Dublin may take over, and so might California.
                var toDublin = workflow.requestSwitchover(people.identity("alice"), "orders", "dub1",
                        "move the primary to Dublin", UUID.randomUUID().toString());
                ApprovedSwitchoverTest.await(() -> workflow.refresh(toDublin.getId()).getDryRun().getVerdict()
                        == Verdict.VERDICT_PASS);
                var reviewed = workflow.get(toDublin.getId());
                assertThat(check(reviewed).getVerdict()).isEqualTo(Verdict.VERDICT_PASS);
                assertThat(candidate(reviewed, "sfo1").getEligible()).isTrue();
                var afterAlice = workflow.decide(people.identity("alice"), people.approve(reviewed, "alice"))
                        .getProposal();
                workflow.decide(people.identity("bob"), people.approve(afterAlice, "bob"));
                ApprovedSwitchoverTest.await(() -> workflow.get(toDublin.getId()).getState()
                        != ProposalState.PROPOSAL_STATE_EXECUTING);
                var moved = workflow.get(toDublin.getId());
                assertThat(moved.getState()).as(moved.getStateDetail())
                        .isEqualTo(ProposalState.PROPOSAL_STATE_SUCCEEDED);
                ApprovedSwitchoverTest.await(() -> platform.topology().clusters().getFirst().primary()
                        .filter(p -> p.id().equals("dub1")).isPresent()
                        && ApprovedSwitchoverTest.healthy(platform, "sfo1"));

                // The primary now runs under GDPR: California may hold a copy (the file allows it) but not the
                // primary.
                var toCalifornia = workflow.requestSwitchover(people.identity("alice"), "orders", "sfo1",
                        "move the primary to California", UUID.randomUUID().toString());
                var residency = check(toCalifornia);
                assertThat(toCalifornia.getDryRun().getVerdict()).isEqualTo(Verdict.VERDICT_BLOCK);
                assertThat(residency.getVerdict()).isEqualTo(Verdict.VERDICT_BLOCK);
                assertThat(residency.getReason()).isEqualTo("data of orders is governed by GDPR in eu-west-1; "
                        + "us-west-1 (CCPA) may not hold it");
                assertThat(candidate(toCalifornia, "sfo1").getEligible()).isFalse();
                assertThat(candidate(toCalifornia, "sfo1").getReasonsList())
                        .contains("data residency: us-west-1 lacks GDPR");
                for (var who : List.of("alice", "bob")) {
                    assertThatThrownBy(() -> workflow.decide(people.identity(who), people.approve(toCalifornia, who)))
                            .isInstanceOf(StatusRuntimeException.class)
                            .satisfies(e -> assertThat(((StatusRuntimeException) e).getStatus().getCode())
                                    .isEqualTo(Status.Code.FAILED_PRECONDITION))
                            .hasMessageContaining("blocked by data-residency");
                }
                assertThat(workflow.get(toCalifornia.getId()).getState())
                        .isNotEqualTo(ProposalState.PROPOSAL_STATE_EXECUTING);
                assertThat(platform.topology().clusters().getFirst().primary()).hasValueSatisfying(
                        p -> assertThat(p.id()).isEqualTo("dub1"));
                var proposed = "failover/" + toCalifornia.getId() + "/proposed";
                ApprovedSwitchoverTest.await(() -> audit.log().lookup(proposed).isPresent());
            }
        }
    }

    private static PlatformFiles.Replica replica(PgCluster cluster, String id, String region, String role,
                                                 String upstream, boolean sync) {
        return new PlatformFiles.Replica(id, region, role, upstream, sync, "127.0.0.1", cluster.node(id).port(), "");
    }

    private static PolicyCheck check(Proposal p) {
        return p.getDryRun().getChecksList().stream().filter(c -> c.getRule().equals("data-residency")).findFirst()
                .orElseThrow();
    }

    private static Candidate candidate(Proposal p, String id) {
        return p.getDryRun().getCandidatesList().stream().filter(c -> c.getReplicaId().equals(id)).findFirst()
                .orElseThrow();
    }
}
