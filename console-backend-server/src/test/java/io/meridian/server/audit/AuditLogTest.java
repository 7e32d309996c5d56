package io.meridian.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.audit.AuditAction;
import io.meridian.audit.BundleVerifier;
import io.meridian.audit.Checkpoint;
import io.meridian.audit.ConsistencyProofs;
import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.audit.EvidenceBundle;
import io.meridian.audit.InclusionProofs;
import io.meridian.audit.NoteSigner;
import io.meridian.audit.Outcome;
import io.meridian.audit.RegionKey;
import io.meridian.audit.TreeHasher;
import io.meridian.audit.TriggerKind;
import io.meridian.audit.TrustedKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    static final String ORIGIN = "meridian.example/audit/server-test";
    static final NoteSigner LOG_SIGNER = NoteSigner.of(ORIGIN, key("checkpoint"));
    static final List<RegionSigner> SIGNERS = List.of(
            new RegionSigner("eu-west-1", "eu-west-1/k1", key("eu")),
            new RegionSigner("us-east-1", "us-east-1/k1", key("us")));

    static Ed25519PrivateKey key(String name) {
        return Ed25519PrivateKey.fromSeed(TreeHasher.sha256(name.getBytes(StandardCharsets.UTF_8)));
    }

    static TrustedKeys trusted() {
        return new TrustedKeys(List.of(LOG_SIGNER.key()), SIGNERS.stream()
                .map(s -> new RegionKey(s.region(), s.keyId(), s.key().publicKey())).toList());
    }

    static List<EntryDraft> drafts(int from, int to) {
        var drafts = new ArrayList<EntryDraft>();
        for (int i = from; i < to; i++) {
            drafts.add(new EntryDraft("q-" + i, "service:router", AuditAction.QUERY_EXECUTED, TriggerKind.AUTOMATIC,
                    "", i % 2 == 0 ? "eu-west-1" : "us-east-1", 1_795_000_000_000_000L + i, Outcome.SUCCEEDED, ""));
        }
        return drafts;
    }

    @Test
    void appendsChainsProvesAndSurvivesARestart(@TempDir Path dir) throws Exception {
        Checkpoint first;
        try (var log = AuditLog.open(dir, ORIGIN, LOG_SIGNER, SIGNERS)) {
            assertThat(log.append(drafts(0, 10))).isZero();
            first = Checkpoint.parse(log.publishCheckpoint().text());
            assertThat(first.size()).isEqualTo(10);
            assertThat(log.append(drafts(10, 25))).isEqualTo(10);
        }
        try (var log = AuditLog.open(dir, ORIGIN, LOG_SIGNER, SIGNERS)) {
            assertThat(log.size()).isEqualTo(25);
            var current = log.latestCheckpointBody();
            assertThat(current.size()).isEqualTo(25);
            assertThat(log.latestCheckpoint().verify(trusted().checkpointKeys())).hasSize(1);
            ConsistencyProofs.verify(10, 25, first.root(), current.root(), log.consistencyProof(10, 25));
            long index = log.lookup("q-17").orElseThrow();
            assertThat(index).isEqualTo(17);
            InclusionProofs.verify(17, 25, TreeHasher.leaf(log.entry(17)), log.inclusionProof(17, 25),
                    current.root());
            assertThat(log.lookup("q-999")).isEmpty();
            log.append(drafts(25, 30));

            var entries = new ArrayList<byte[]>();
            for (long i = 0; i < log.size(); i++) {
                entries.add(log.entry(i));
            }
            var bundle = new EvidenceBundle(ORIGIN, List.of(log.publishCheckpoint().format()), List.of(), 0, true,
                    entries, Map.of(), List.of(LOG_SIGNER.key()), List.of());
            var report = new BundleVerifier(trusted()).verify(bundle);
            assertThat(report.findings()).isEmpty();
        }
    }

    @Test
    void refusesDuplicateQueryIdsAndUnknownRegionsWithoutAppending(@TempDir Path dir) throws Exception {
        try (var log = AuditLog.open(dir, ORIGIN, LOG_SIGNER, SIGNERS)) {
            log.append(drafts(0, 3));
            assertThatThrownBy(() -> log.append(drafts(2, 4))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("q-2");
            var unknown = new EntryDraft("q-x", "a", AuditAction.DRILL_EVENT, TriggerKind.PERSON, "ic", "mars-1", 0,
                    Outcome.SUCCEEDED, "");
            assertThatThrownBy(() -> log.append(List.of(unknown))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("mars-1");
            assertThat(log.size()).isEqualTo(3);
        }
    }

    @Test
    void refusesToContinueAnotherLogsStore(@TempDir Path dir) throws Exception {
        try (var log = AuditLog.open(dir, ORIGIN, LOG_SIGNER, SIGNERS)) {
            log.append(drafts(0, 2));
        }
        assertThatThrownBy(() -> AuditLog.open(dir, "other/origin", LOG_SIGNER, SIGNERS))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("other/origin");
    }

    @Test
    void signingKeyIsEncryptedAtRest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("checkpoint.key");
        var created = SigningKeyFile.create(file, "correct horse".toCharArray());
        var read = SigningKeyFile.read(file, "correct horse".toCharArray());
        assertThat(read.publicKey()).isEqualTo(created.publicKey());
        assertThat(java.nio.file.Files.readString(file)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(java.nio.file.Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThatThrownBy(() -> SigningKeyFile.read(file, "wrong".toCharArray()))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("cannot decrypt");
    }
}
