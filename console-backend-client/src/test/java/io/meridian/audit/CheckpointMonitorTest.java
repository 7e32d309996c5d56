package io.meridian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.client.AuditReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's memory of the last verified checkpoint, against honest and lying backends. */
class CheckpointMonitorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T13:00:00Z"), ZoneOffset.UTC);
    private final List<SignedEntry> log = TestLog.entries(TestLog.ORIGIN, 32, 4);
    private final MerkleTree tree = TestLog.tree(log);

    /** A backend that serves a chosen checkpoint and proofs from a chosen tree. */
    private static final class FakeBackend implements AuditReader {
        String note;
        MerkleTree tree;
        boolean corruptProofs;

        @Override
        public String latestCheckpoint() {
            return note;
        }

        @Override
        public List<byte[]> entries(long start, long end) {
            throw new UnsupportedOperationException("the monitor reads no entries");
        }

        @Override
        public List<Hash> inclusionProof(long index, long treeSize) {
            return tree.inclusionProof(index, treeSize);
        }

        @Override
        public List<Hash> consistencyProof(long fromSize, long toSize) {
            var proof = new ArrayList<>(tree.consistencyProof(fromSize, toSize));
            if (corruptProofs) {
                proof.set(0, TreeHasher.leaf(new byte[] {1}));
            }
            return proof;
        }

        @Override
        public Optional<QueryIdEntry> lookup(String queryId, long treeSize) {
            throw new UnsupportedOperationException("the monitor looks nothing up");
        }
    }

    private CheckpointMonitor monitor(Path dir) {
        return new CheckpointMonitor(dir.resolve("last-checkpoint.txt"), TestLog.ORIGIN, TestLog.trusted(), CLOCK);
    }

    private FakeBackend serving(long size) {
        var backend = new FakeBackend();
        backend.tree = tree;
        backend.note = TestLog.checkpoint(tree, size);
        return backend;
    }

    @Test
    void followsAnHonestLogAcrossRestarts(@TempDir Path dir) throws Exception {
        assertThat(monitor(dir).check(serving(5))).isInstanceOf(CheckpointMonitor.Advanced.class);
        assertThat(monitor(dir).check(serving(5))).isInstanceOf(CheckpointMonitor.Unchanged.class);
        var advanced = monitor(dir).check(serving(20));
        assertThat(advanced).isInstanceOfSatisfying(CheckpointMonitor.Advanced.class, a -> {
            assertThat(a.previous().size()).isEqualTo(5);
            assertThat(a.current().size()).isEqualTo(20);
        });
        assertThat(Checkpoint.parse(SignedNote.parse(Files.readString(dir.resolve("last-checkpoint.txt"))).text())
                .size()).isEqualTo(20);
    }

    @Test
    void aRollbackIsAnAlarmWithBothCheckpointsAsEvidence(@TempDir Path dir) throws Exception {
        monitor(dir).check(serving(20));
        var result = monitor(dir).check(serving(12));
        assertAlarm(result, TamperClass.ROLLBACK);
        var alarm = (CheckpointMonitor.Alarm) result;
        assertThat(Files.readString(alarm.evidence())).contains(alarm.rememberedNote()).contains(alarm.offendingNote());
        assertAlarm(monitor(dir).check(serving(12)), TamperClass.ROLLBACK);
    }

    @Test
    void aForkIsAnAlarm(@TempDir Path dir) throws Exception {
        monitor(dir).check(serving(20));
        var other = TestLog.tree(TestLog.entries(TestLog.ORIGIN, 20, 99));
        var backend = serving(20);
        backend.note = TestLog.checkpoint(other, 20);
        assertAlarm(monitor(dir).check(backend), TamperClass.FORK);
    }

    @Test
    void aRewrittenHistoryFailsItsConsistencyProof(@TempDir Path dir) throws Exception {
        monitor(dir).check(serving(10));
        var rewritten = new ArrayList<>(log);
        rewritten.set(3, log.get(4));
        var backend = new FakeBackend();
        backend.tree = TestLog.tree(rewritten);
        backend.note = TestLog.checkpoint(backend.tree, 30);
        assertAlarm(monitor(dir).check(backend), TamperClass.CONSISTENCY_PROOF_INVALID);
        var corrupted = serving(30);
        corrupted.corruptProofs = true;
        assertAlarm(monitor(dir).check(corrupted), TamperClass.CONSISTENCY_PROOF_INVALID);
        assertThat(monitor(dir).check(serving(30))).isInstanceOf(CheckpointMonitor.Advanced.class);
    }

    @Test
    void aCheckpointByAnotherKeyOrLogIsAnAlarmWithoutEvidence(@TempDir Path dir) throws Exception {
        monitor(dir).check(serving(10));
        var backend = serving(20);
        backend.note = TestLog.checkpoint(TestLog.ORIGIN, 20, tree.root(20),
                NoteSigner.of("someone-else", TestLog.key("x")));
        var result = monitor(dir).check(backend);
        assertAlarm(result, TamperClass.CHECKPOINT_UNKNOWN_KEY);
        assertThat(((CheckpointMonitor.Alarm) result).evidence()).isNull();
        backend.note = TestLog.checkpoint("other/log", 20, tree.root(20), TestLog.logSigner());
        assertAlarm(monitor(dir).check(backend), TamperClass.CHECKPOINT_WRONG_ORIGIN);
    }

    private static void assertAlarm(CheckpointMonitor.Result result, TamperClass expected) {
        assertThat(result).isInstanceOfSatisfying(CheckpointMonitor.Alarm.class,
                a -> assertThat(a.tamperClass()).as(a.message()).isEqualTo(expected));
    }
}
