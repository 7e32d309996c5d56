package io.meridian.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.audit.BundleVerifier;
import io.meridian.audit.Checkpoint;
import io.meridian.audit.SignedNote;
import io.meridian.audit.TamperClass;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verifying and exporting ranges, with the work run on the test's thread: no FX toolkit, no server. */
class RangeViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");
    private final FakeAuditLog log = new FakeAuditLog(100);
    private final List<Runnable> queued = new ArrayList<>();

    private RangeViewModel viewModel(boolean deferred) {
        return new RangeViewModel(log, FakeAuditLog.trusted(), deferred ? queued::add : Runnable::run,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Checkpoint checkpoint() throws Exception {
        return Checkpoint.parse(SignedNote.parse(log.honestNote(100)).text());
    }

    private RangeViewModel verified(String first, String last) throws Exception {
        var vm = viewModel(false);
        vm.pulse(NOW, checkpoint());
        vm.firstTextProperty().set(first);
        vm.lastTextProperty().set(last);
        vm.verify();
        vm.pulse(NOW.plusSeconds(1), checkpoint());
        return vm;
    }

    @Test
    void theWholeLogVerifiesAgainstTheCheckpointsRoot() throws Exception {
        var vm = verified("", "");
        assertThat(vm.stateProperty().get()).isEqualTo(RangeViewModel.State.PASSED);
        assertThat(vm.resultTextProperty().get()).contains("entries 0 to 99").contains("size 100").contains("root");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.progressTextProperty().get()).startsWith("100 entries in");
        assertThat(vm.findings()).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.canVerifyProperty().get()).isTrue();
    }

    @Test
    void aRangeInsideTheLogVerifiesByInclusionAndARangeFromZeroByConsistency() throws Exception {
        assertThat(verified("10", "19").stateProperty().get()).isEqualTo(RangeViewModel.State.PASSED);
        assertThat(verified("0", "49").stateProperty().get()).isEqualTo(RangeViewModel.State.PASSED);
        assertThat(verified("99", "99").stateProperty().get()).isEqualTo(RangeViewModel.State.PASSED);
    }

    @Test
    void aTamperedEntryIsListedWithItsClassAndIndex() throws Exception {
        log.tamper(42);
        var vm = verified("", "");
        assertThat(vm.stateProperty().get()).isEqualTo(RangeViewModel.State.FAILED);
        assertThat(vm.findings()).anySatisfy(f -> {
            assertThat(f.tamperClass()).isEqualTo(TamperClass.ENTRY_SIGNATURE_INVALID.name());
            assertThat(f.entry()).isEqualTo("42");
        });
        // The changed bytes also change the leaf: the next entry's link and the root no longer match.
        assertThat(vm.findings()).extracting(FindingRow::tamperClass)
                .contains(TamperClass.CHAIN_BROKEN.name(), TamperClass.ROOT_MISMATCH.name());
        assertThat(vm.resultTextProperty().get()).startsWith("✖").contains("ENTRY_SIGNATURE_INVALID");
    }

    @Test
    void badProofsFailTheRange() throws Exception {
        log.badProofs = true;
        var inside = verified("10", "19");
        assertThat(inside.findings()).extracting(FindingRow::tamperClass)
                .containsOnly(TamperClass.INCLUSION_PROOF_INVALID.name());
        var prefix = verified("", "49");
        assertThat(prefix.findings()).extracting(FindingRow::tamperClass)
                .containsOnly(TamperClass.CONSISTENCY_PROOF_INVALID.name());
    }

    @Test
    void entriesInsideARangeThatAreNotTheTreesFailItThoughTheEndsAreIncluded() throws Exception {
        // A backend whose tree does not hold entry 15 as served: the chain and both end proofs still hold.
        log.replaceTreeLeaf(15);
        var vm = verified("10", "19");
        assertThat(vm.stateProperty().get()).isEqualTo(RangeViewModel.State.FAILED);
        assertThat(vm.findings()).singleElement().satisfies(f -> {
            assertThat(f.tamperClass()).isEqualTo(TamperClass.ROOT_MISMATCH.name());
            assertThat(f.message()).startsWith("entries 10 to 19, with the subtrees beside them").endsWith("the "
                    + "entries between are not the log's");
        });
        assertThat(verified("16", "30").stateProperty().get()).isEqualTo(RangeViewModel.State.PASSED);
    }

    @Test
    void badInputIsExplainedAndNothingRuns() throws Exception {
        var beyond = verified("50", "150");
        assertThat(beyond.stateProperty().get()).isEqualTo(RangeViewModel.State.ERROR);
        assertThat(beyond.resultTextProperty().get()).isEqualTo("Entries 0 to 99 are in the latest verified "
                + "checkpoint (size 100); entry 150 is beyond it.");
        assertThat(verified("x1", "").resultTextProperty().get()).contains("'x1' is not an entry number");
        assertThat(verified("20", "10").resultTextProperty().get()).contains("comes before the first");
        assertThat(verified("-3", "").resultTextProperty().get()).contains("must not be negative");
        var huge = new RangeViewModel(log, FakeAuditLog.trusted(), Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC));
        huge.pulse(NOW, new Checkpoint(FakeAuditLog.ORIGIN, 3_000_000, checkpoint().root()));
        huge.firstTextProperty().set("1");
        huge.verify();
        assertThat(huge.resultTextProperty().get()).startsWith("A range that does not start at entry 0 holds at "
                + "most 1,000,000 entries");
    }

    @Test
    void aBackendThatStopsAnsweringIsSaidSoAndConcludesNothing() throws Exception {
        log.down = true;
        var vm = verified("", "");
        assertThat(vm.stateProperty().get()).isEqualTo(RangeViewModel.State.ERROR);
        assertThat(vm.resultTextProperty().get()).startsWith("The backend stopped answering: backend 127.0.0.1:1 is "
                + "unreachable").contains("Nothing is concluded");
    }

    @Test
    void cancellingStopsTheVerification() throws Exception {
        var vm = viewModel(true);
        vm.pulse(NOW, checkpoint());
        vm.verify();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.canVerifyProperty().get()).isFalse();
        vm.pulse(NOW.plusSeconds(1), checkpoint());
        assertThat(vm.progressTextProperty().get()).isEqualTo("0 of 100 entries");
        vm.cancel();
        queued.removeFirst().run();
        vm.pulse(NOW.plusSeconds(2), checkpoint());
        assertThat(vm.stateProperty().get()).isEqualTo(RangeViewModel.State.CANCELLED);
        assertThat(vm.resultTextProperty().get()).startsWith("Cancelled after 0 of 100 entries");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void withoutPinnedKeysOrAVerifiedCheckpointNothingCanBeVerified() throws Exception {
        var unpinned = new RangeViewModel(log, null, Runnable::run, Clock.systemUTC());
        unpinned.pulse(NOW, checkpoint());
        assertThat(unpinned.canVerifyProperty().get()).isFalse();
        var waiting = viewModel(false);
        waiting.pulse(NOW, null);
        assertThat(waiting.canVerifyProperty().get()).isFalse();
        waiting.verify();
        assertThat(waiting.stateProperty().get()).isEqualTo(RangeViewModel.State.IDLE);
    }

    @Test
    void exportedBundlesVerifyOfflineWithThePinnedKeys(@TempDir Path dir) throws Exception {
        var vm = viewModel(false);
        var whole = dir.resolve("whole.json");
        vm.export(whole);
        vm.pulse(NOW, checkpoint());
        assertThat(vm.exportFailedProperty().get()).isFalse();
        assertThat(vm.exportTextProperty().get()).startsWith("Wrote " + whole + ": 100 entries from 0 (the complete "
                + "log)");
        assertThat(new BundleVerifier(FakeAuditLog.trusted()).verify(whole).verified()).isTrue();

        vm.firstTextProperty().set("10");
        vm.lastTextProperty().set("19");
        var part = dir.resolve("part.json");
        vm.export(part);
        vm.pulse(NOW, checkpoint());
        assertThat(vm.exportTextProperty().get()).contains("10 entries from 10");
        assertThat(new BundleVerifier(FakeAuditLog.trusted()).verify(part).verified()).isTrue();

        vm.lastTextProperty().set("500");
        vm.export(dir.resolve("beyond.json"));
        vm.pulse(NOW, checkpoint());
        assertThat(vm.exportFailedProperty().get()).isTrue();
        assertThat(vm.exportTextProperty().get()).startsWith("Cannot export: the range ends before 501");
    }

    @Test
    void progressShowsRateAndTimeLeft() {
        assertThat(RangeViewModel.progress(2_500, 10_000, Duration.ofSeconds(5)))
                .isEqualTo("2,500 of 10,000 entries · 500 entries/s · ETA 0:15");
        assertThat(RangeViewModel.progress(0, 10_000, Duration.ofSeconds(5))).isEqualTo("0 of 10,000 entries");
    }
}
