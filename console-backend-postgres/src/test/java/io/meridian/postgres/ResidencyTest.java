package io.meridian.postgres;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.meridian.server.failover.FailoverWorkflow;
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
 * The data-residency check of the failover workflow on live servers. Data carries the obligations of its home
 * region, the cluster's PRIMARY in the platform file (docs/scenarios.md), wherever a failover moves the primary. A
 * Virginia-homed cluster (CCPA binds no region) may keep standbys in Dublin (GDPR) and California (CCPA). Two people
 * move the primary to Dublin; the data is still Virginia's, so a switchover on to California passes the residency
 * check and runs, leaving Virginia's fenced old primary alone for its rejoin. (A standby the home's laws forbid
 * never gets this far: the platform file is refused at load, {@code PlatformFileLoaderTest}.)
 */
class ResidencyTest {
    private final Approvers people = new Approvers();

    @Test
    void dataKeepsItsHomeRegionsLawsWhereverThePrimaryMoves(@TempDir Path dir) throws Exception {
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
                    // No anti-flapping window: the second move follows the first at once; residency is what is tested.
                    new FailoverPolicy(2, Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(10)),
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
                approveAndRun(workflow, reviewed);
                ApprovedSwitchoverTest.await(() -> platform.topology().clusters().getFirst().primary()
                        .filter(p -> p.id().equals("dub1")).isPresent()
                        && ApprovedSwitchoverTest.healthy(platform, "sfo1"));

                // The primary now runs in Dublin, but the data is still Virginia's: California may take it over.
                // Virginia's old primary stays fenced (no rejoin command here): the move leaves it to be rejoined.
                var toCalifornia = workflow.requestSwitchover(people.identity("alice"), "orders", "sfo1",
                        "move the primary to California", UUID.randomUUID().toString());
                ApprovedSwitchoverTest.await(() -> check(workflow.refresh(toCalifornia.getId())).getVerdict()
                        == Verdict.VERDICT_PASS && workflow.get(toCalifornia.getId()).getDryRun().getVerdict()
                        != Verdict.VERDICT_BLOCK);
                var reviewedAgain = workflow.get(toCalifornia.getId());
                assertThat(check(reviewedAgain).getReason())
                        .isEqualTo("data homed in us-east-1 (CCPA) may move to us-west-1");
                assertThat(candidate(reviewedAgain, "sfo1").getEligible()).isTrue();
                assertThat(candidate(reviewedAgain, "iad1").getEligible()).as("a fenced former primary").isFalse();
                var movedAgain = approveAndRun(workflow, reviewedAgain);
                assertThat(movedAgain.getPhasesList()).anySatisfy(phase -> assertThat(
                        phase.getDetail()).contains("iad1 left alone: out of recovery, a fenced former primary"));
                assertThat(movedAgain.getPhasesList()).anySatisfy(phase -> assertThat(phase.getDetail())
                        .contains("no standby follows it; WARNING: synchronous_standby_names"));
                ApprovedSwitchoverTest.await(() -> platform.topology().clusters().getFirst().primary()
                        .filter(p -> p.id().equals("sfo1")).isPresent());
                assertThat(platform.topology().clusters().getFirst().homeRegionId()).isEqualTo("us-east-1");
                var proposed = "failover/" + toCalifornia.getId() + "/proposed";
                ApprovedSwitchoverTest.await(() -> audit.log().lookup(proposed).isPresent());
            }
        }
    }

    private static PlatformFiles.Replica replica(PgCluster cluster, String id, String region, String role,
                                                 String upstream, boolean sync) {
        return new PlatformFiles.Replica(id, region, role, upstream, sync, "127.0.0.1", cluster.node(id).port(), "");
    }

    /** Alice and Bob approve; returns the proposal once it ran, which must have succeeded. */
    private Proposal approveAndRun(FailoverWorkflow workflow, Proposal reviewed) throws Exception {
        var afterAlice = workflow.decide(people.identity("alice"), people.approve(reviewed, "alice")).getProposal();
        workflow.decide(people.identity("bob"), people.approve(afterAlice, "bob"));
        ApprovedSwitchoverTest.await(() -> workflow.get(reviewed.getId()).getState()
                != ProposalState.PROPOSAL_STATE_EXECUTING);
        var ran = workflow.get(reviewed.getId());
        assertThat(ran.getState()).as(ran.getStateDetail()).isEqualTo(ProposalState.PROPOSAL_STATE_SUCCEEDED);
        return ran;
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
