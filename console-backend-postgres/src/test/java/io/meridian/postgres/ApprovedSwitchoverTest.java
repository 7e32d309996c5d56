package io.meridian.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.meridian.api.v1.ProposalState;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.Region;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.postgres.harness.Approvers;
import io.meridian.postgres.harness.PgCluster;
import io.meridian.postgres.harness.PlatformFiles;
import io.meridian.postgres.platformfile.PlatformFileLoader;
import io.meridian.server.BackendServer;
import io.meridian.server.access.AccessPolicy;
import io.meridian.server.audit.AuditDirectory;
import io.meridian.server.audit.BackendAudit;
import io.meridian.server.failover.FailoverPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done": on live servers, a planned switchover requested through the failover workflow and approved
 * by two people moves the primary, keeps every committed row, and leaves its proposal, decisions and phases in the
 * signed audit chain.
 */
class ApprovedSwitchoverTest {
    private final Approvers people = new Approvers();

    @Test
    void aSwitchoverApprovedByTwoPeopleMovesThePrimaryAndIsAudited(@TempDir Path dir) throws Exception {
        try (var cluster = PgCluster.start("dub1", "fra1", "dub1", "sto1")) {
            var file = PlatformFileLoader.load(PlatformFiles.forCluster(cluster, dir, "approved", "dub1", ""));
            var platform = new PostgresPlatform(file, PlatformFiles.ENVIRONMENT, Clock.systemUTC());
            BackendAudit audit = AuditDirectory.open(dir.resolve("audit"), "approved-test".toCharArray(), 1000,
                    "meridian-postgres/audit/approved", platform.topology().regions().stream().map(Region::id)
                            .toList(), "postgres", platform.auditSource());
            var committed = new HashSet<Long>();
            try (var backend = BackendServer.start(NettyServerBuilder.forAddress(new InetSocketAddress(
                            InetAddress.getLoopbackAddress(), 0)), platform, Clock.systemUTC(), List.of(), audit,
                    FailoverPolicy.of(file.scenario(), Duration.ofSeconds(5), Duration.ofSeconds(10)),
                    AccessPolicy.certificates(id -> Optional.ofNullable(people.identity(id))))) {
                await(() -> healthy(platform, "fra1") && healthy(platform, "dub1") && healthy(platform, "sto1"));
                for (long id = 1; id <= 50; id++) {
                    committed.add(insert(cluster, "fra1", id));
                }
                var workflow = backend.failover();
                var opened = workflow.requestSwitchover(people.identity("alice"), "orders", "dub1",
                        "planned maintenance of fra1", UUID.randomUUID().toString());
                await(() -> workflow.refresh(opened.getId()).getDryRun().getVerdict().getNumber() == 1);
                var reviewed = workflow.get(opened.getId());
                var afterAlice = workflow.decide(people.identity("alice"), people.approve(reviewed, "alice"))
                        .getProposal();
                workflow.decide(people.identity("bob"), people.approve(afterAlice, "bob"));
                await(() -> workflow.get(opened.getId()).getState() != ProposalState.PROPOSAL_STATE_EXECUTING);

                var done = workflow.get(opened.getId());
                assertThat(done.getState()).as(done.getStateDetail()).isEqualTo(ProposalState.PROPOSAL_STATE_SUCCEEDED);
                assertThat(done.getMeasuredLostBytes()).isZero();
                await(() -> platform.topology().clusters().getFirst().primary()
                        .filter(p -> p.id().equals("dub1")).isPresent());
                assertThat(platform.topology().clusters().getFirst().replicas())
                        .filteredOn(r -> r.id().equals("fra1")).allMatch(r -> r.role() == ReplicaRole.STANDBY);
                try (var c = cluster.superuser(cluster.node("dub1"));
                     var rs = c.createStatement().executeQuery("select id from harness_writes")) {
                    var present = new HashSet<Long>();
                    while (rs.next()) {
                        present.add(rs.getLong(1));
                    }
                    assertThat(present).containsAll(committed);
                }
                var base = "failover/" + done.getId();
                await(() -> audit.log().lookup(base + "/phase/CHECK_CONSISTENCY").isPresent());
                assertThat(List.of(base + "/proposed", base + "/phase/FENCE", base + "/phase/PROMOTE"))
                        .allMatch(q -> audit.log().lookup(q).isPresent());
                assertThat(done.getDecisionsList()).hasSize(2).allMatch(d -> audit.log()
                        .lookup(base + "/decision/" + d.getRequestId()).isPresent());
            }
        }
    }

    static boolean healthy(PostgresPlatform platform, String id) {
        return platform.topology().clusters().stream().flatMap(c -> c.replicas().stream())
                .anyMatch(r -> r.id().equals(id) && r.health() == Health.HEALTHY);
    }

    private static long insert(PgCluster cluster, String node, long id) throws SQLException {
        try (var c = cluster.superuser(cluster.node(node));
             var st = c.prepareStatement("insert into harness_writes values (?, now())")) {
            st.setLong(1, id);
            st.executeUpdate();
        }
        return id;
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
