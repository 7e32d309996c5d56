package io.meridian.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.audit.Hash;
import io.meridian.audit.TamperClass;
import io.meridian.audit.TreeHasher;
import io.meridian.console.telemetry.AlertChange;
import io.meridian.console.telemetry.Severity;
import io.meridian.console.userdata.UserDirectories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint watch and the alarms it raises, polled by hand: no FX toolkit, no timer, no server. */
class AuditViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FakeAuditLog log = new FakeAuditLog(20);
    private final List<AlertChange> alerts = new ArrayList<>();

    private record Screen(AuditViewModel viewModel, CheckpointWatch watch) {
        void poll() {
            watch.poll();
            viewModel.pulse(NOW);
        }
    }

    private Screen screen(Path dir) {
        var keys = FakeAuditLog.trusted();
        var watch = new CheckpointWatch(log, keys, dir.resolve("checkpoints"), CLOCK);
        var vm = new AuditViewModel(TrustRoots.pinned(keys, "test keys"), watch,
                new RangeViewModel(log, keys, Runnable::run, CLOCK), new LookupViewModel(log, keys, Runnable::run),
                alerts::add);
        return new Screen(vm, watch);
    }

    private static Hash otherRoot() {
        return TreeHasher.leaf(new byte[] {7});
    }

    @Test
    void anHonestLogIsFollowedCheckpointByCheckpoint(@TempDir Path dir) {
        var screen = screen(dir);
        assertThat(screen.viewModel().checkpointTextProperty().get()).startsWith("Waiting for the backend's first");
        screen.poll();
        assertThat(screen.viewModel().checkpointStateProperty().get())
                .isEqualTo(AuditViewModel.CheckpointState.VERIFIED);
        assertThat(screen.viewModel().checkpointTextProperty().get()).startsWith("Latest verified checkpoint: size 20");
        assertThat(screen.viewModel().range().canVerifyProperty().get()).isTrue();
        assertThat(screen.viewModel().lookup().canLookUpProperty().get()).isTrue();
        log.append(15);
        screen.poll();
        assertThat(screen.viewModel().checkpointTextProperty().get()).startsWith("Latest verified checkpoint: size 35");
        assertThat(screen.viewModel().alarmedProperty().get()).isFalse();
        assertThat(alerts).isEmpty();
    }

    @Test
    void aForkRaisesOneCriticalAlarmWithBothCheckpointsAsEvidence(@TempDir Path dir) throws Exception {
        var screen = screen(dir);
        screen.poll();
        log.servedNote = FakeAuditLog.note(20, otherRoot());
        screen.poll();
        screen.poll();
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.what()).startsWith("Audit log FORK: two checkpoints of size 20 with roots");
        });
        assertThat(screen.viewModel().alarmedProperty().get()).isTrue();
        assertThat(screen.viewModel().alarmTextProperty().get()).startsWith("✖ Audit log FORK").contains(".evidence");
        var evidence = evidenceFiles(dir);
        assertThat(evidence).hasSize(1);
        var text = Files.readString(evidence.getFirst());
        assertThat(text).contains(log.honestNote(20)).contains(log.servedNote).startsWith("# FORK");
        // The remembered checkpoint stays the verified one: verification goes on against it.
        assertThat(screen.viewModel().checkpointTextProperty().get()).startsWith("Latest verified checkpoint: size 20");
    }

    @Test
    void aRollbackIsCaughtAcrossRestarts(@TempDir Path dir) throws Exception {
        screen(dir).poll();
        log.append(10);
        screen(dir).poll();
        // A new console (a restart) remembers size 30 and is then shown size 20 again.
        log.servedNote = log.honestNote(20);
        var restarted = screen(dir);
        restarted.poll();
        assertThat(alerts).singleElement().satisfies(alert -> assertThat(alert.what())
                .startsWith("Audit log " + TamperClass.ROLLBACK + ": the backend's checkpoint has size 20, smaller "
                        + "than 30"));
        assertThat(evidenceFiles(dir)).hasSize(1);
    }

    @Test
    void aFailingConsistencyProofIsAnAlarm(@TempDir Path dir) {
        var screen = screen(dir);
        screen.poll();
        log.append(10);
        log.badProofs = true;
        screen.poll();
        assertThat(alerts).singleElement().satisfies(alert -> assertThat(alert.what())
                .startsWith("Audit log " + TamperClass.CONSISTENCY_PROOF_INVALID));
    }

    @Test
    void aBackendThatStopsAnsweringKeepsTheLastVerifiedCheckpointOnScreen(@TempDir Path dir) {
        var screen = screen(dir);
        screen.poll();
        log.down = true;
        screen.poll();
        assertThat(screen.viewModel().checkpointStateProperty().get())
                .isEqualTo(AuditViewModel.CheckpointState.UNAVAILABLE);
        assertThat(screen.viewModel().checkpointTextProperty().get()).startsWith("Cannot check the backend's "
                + "checkpoints now: cannot read the backend's checkpoint: backend 127.0.0.1:1 is unreachable")
                .contains("Latest verified checkpoint: size 20");
        assertThat(alerts).isEmpty();
    }

    @Test
    void withoutPinnedKeysTheViewSaysVerificationIsImpossibleAndWhy(@TempDir Path dir) {
        var roots = AuditSettings.pinnedFor(null, new UserDirectories(dir.resolve("c"), dir.resolve("d"),
                dir.resolve("s"), Map.of()));
        var vm = new AuditViewModel(roots, null, new RangeViewModel(log, null, Runnable::run, CLOCK),
                new LookupViewModel(log, null, Runnable::run), alerts::add);
        vm.pulse(NOW);
        assertThat(vm.trustedProperty().get()).isFalse();
        assertThat(vm.trustTextProperty().get()).isEqualTo("Verification impossible: no trust roots are pinned: "
                + dir.resolve("c").resolve("trusted-keys.txt") + " does not exist. Pin the log's checkpoint and "
                + "region keys there (docs/audit-format.md section 6), after checking them with the log's operator "
                + "by another channel, or start the console with --trust-roots FILE. The console never takes keys "
                + "from the backend it verifies.");
        assertThat(vm.checkpointStateProperty().get()).isEqualTo(AuditViewModel.CheckpointState.NOT_PINNED);
        assertThat(vm.range().canVerifyProperty().get()).isFalse();
        assertThat(vm.lookup().canLookUpProperty().get()).isFalse();
    }

    private static List<Path> evidenceFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("checkpoints"))) {
            return files.filter(f -> f.toString().endsWith(".evidence")).toList();
        }
    }
}
