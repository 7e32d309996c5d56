package io.meridian.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.meridian.api.v1.AuditServiceGrpc;
import io.meridian.api.v1.GetLatestCheckpointRequest;
import io.meridian.api.v1.StreamEntriesRequest;
import io.meridian.audit.BundleVerifier;
import io.meridian.audit.Checkpoint;
import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.audit.EvidenceBundle;
import io.meridian.audit.NoteSigner;
import io.meridian.audit.RegionKey;
import io.meridian.audit.SignedNote;
import io.meridian.audit.TreeHasher;
import io.meridian.audit.TrustedKeys;
import io.meridian.audit.cli.ExportBundleCommand;
import io.meridian.audit.cli.VerifyBundleCommand;
import io.meridian.client.grpc.DemoIdentityHeader;
import io.meridian.model.session.Role;
import io.meridian.server.BackendServer;
import io.meridian.server.access.AccessPolicy;
import io.meridian.server.access.DemoTeam;
import io.meridian.server.audit.AuditLog;
import io.meridian.server.audit.BackendAudit;
import io.meridian.server.audit.RegionSigner;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated backend with its audit log, over a loopback socket: simulated queries flow into the log, checkpoints are published, and what
 * AuditService serves verifies offline as a complete evidence bundle under the pinned keys, and so do the bundles
 * export-bundle writes from it.
 */
class AuditedBackendTest {
    private static final String ORIGIN = "meridian.example/audit/sim-test";
    private static final String AUDITOR = "test.auditor";

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static Ed25519PrivateKey key(String name) {
        return Ed25519PrivateKey.fromSeed(TreeHasher.sha256(name.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void simulatedQueriesAreLoggedCheckpointedAndVerifiable(@TempDir Path dir) throws Exception {
        var scenario = ShippedScenarios.choose("phase-7p", null);
        var platform = new SimulatedPlatform(scenario, 1, Duration.ofSeconds(1), Clock.systemUTC());
        var regions = platform.topology().regions().stream().map(r -> r.id()).toList();
        var signers = regions.stream().map(r -> new RegionSigner(r, r + "/sim", key(r))).toList();
        var logSigner = NoteSigner.of(ORIGIN, key("checkpoint"));
        var log = AuditLog.open(dir, ORIGIN, logSigner, signers);
        var queries = new SimulatedQueries(regions, 1, 200, Duration.ofMillis(50), Clock.systemUTC());
        var audit = new BackendAudit(log, queries, List.of(logSigner.key()), signers, Duration.ofMillis(100));
        var address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        // Reading entries is the auditors' business: the test acts as the demo team's auditor.
        var team = DemoTeam.generate(List.of(new DemoTeam.Member(AUDITOR, "Test Auditor", Set.of(Role.AUDITOR))));
        try (var backend = BackendServer.start(NettyServerBuilder.forAddress(address), platform, Clock.systemUTC(),
                List.of(), audit, AccessPolicy.demo(team))) {
            var channel = ManagedChannelBuilder.forAddress(address.getHostString(), backend.port()).usePlaintext()
                    .intercept(MetadataUtils.newAttachHeadersInterceptor(DemoIdentityHeader.of(AUDITOR)))
                    .build();
            try {
                var stub = AuditServiceGrpc.newBlockingStub(channel);
                Checkpoint checkpoint;
                String note;
                do {
                    Thread.sleep(100);
                    note = stub.withDeadlineAfter(5, TimeUnit.SECONDS)
                            .getLatestCheckpoint(GetLatestCheckpointRequest.getDefaultInstance()).getNote();
                    checkpoint = Checkpoint.parse(SignedNote.parse(note).text());
                } while (checkpoint.size() < 20);

                var entries = new ArrayList<byte[]>();
                stub.withDeadlineAfter(5, TimeUnit.SECONDS).streamEntries(StreamEntriesRequest.newBuilder()
                        .setStart(0).setEnd(checkpoint.size()).build())
                        .forEachRemaining(e -> entries.add(e.getEntry().toByteArray()));
                var trusted = new TrustedKeys(List.of(logSigner.key()), signers.stream()
                        .map(s -> new RegionKey(s.region(), s.keyId(), s.key().publicKey())).toList());
                var bundle = new EvidenceBundle(ORIGIN, List.of(note), List.of(), 0, true, entries, Map.of(),
                        trusted.checkpointKeys(), List.copyOf(trusted.regionKeys()));
                var report = new BundleVerifier(trusted).verify(bundle);
                assertThat(report.findings()).isEmpty();
                assertThat(report.entriesChecked()).isEqualTo(checkpoint.size());

                // The auditor's round trip: export from the backend, verify offline with the pinned keys.
                Path keys = Files.writeString(dir.resolve("pinned.txt"), trusted.format());
                String backendAddress = "localhost:" + backend.port();
                for (var range : List.of(List.<String>of(), List.of("--from", "3", "--to", "11"))) {
                    Path file = dir.resolve("bundle" + range.size() + ".json");
                    var exportArgs = new ArrayList<>(List.of("--backend", backendAddress, "--out", file.toString(),
                            "--as", AUDITOR));
                    exportArgs.addAll(range);
                    assertThat(ExportBundleCommand.run(exportArgs, QUIET, QUIET)).isZero();
                    assertThat(VerifyBundleCommand.run(List.of(file.toString(), "--trusted-keys", keys.toString()),
                            QUIET, QUIET)).as("verify-bundle of export %s", range).isZero();
                }
            } finally {
                channel.shutdownNow();
            }
        }
    }
}
