package io.meridian.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.audit.Checkpoint;
import io.meridian.audit.SignedNote;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Looking up query ids against an honest and a lying log, the work run on the test's thread. */
class LookupViewModelTest {
    private static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");
    private final FakeAuditLog log = new FakeAuditLog(40);

    private LookupViewModel lookUp(String queryId) throws Exception {
        var vm = new LookupViewModel(log, FakeAuditLog.trusted(), Runnable::run);
        var checkpoint = Checkpoint.parse(SignedNote.parse(log.honestNote(40)).text());
        vm.pulse(NOW, checkpoint);
        vm.queryIdTextProperty().set(queryId);
        vm.lookUp();
        vm.pulse(NOW, checkpoint);
        return vm;
    }

    @Test
    void aLoggedQueryShowsItsEntryAndAVerifiedInclusionProof() throws Exception {
        var vm = lookUp(" " + FakeAuditLog.queryId(17) + " ");
        assertThat(vm.stateProperty().get()).isEqualTo(LookupViewModel.State.VERIFIED);
        assertThat(vm.resultTextProperty().get()).startsWith("✔ Entry 17 is in the log").contains("size 40");
        assertThat(vm.fields()).contains(new LookupViewModel.Field("Query id", "q-test-17"),
                new LookupViewModel.Field("Region", "us-east-1"),
                new LookupViewModel.Field("Action", "query executed"),
                new LookupViewModel.Field("Signed by", "us-east-1/test"));
        assertThat(vm.proofTextProperty().get().lines()).hasSize(6).allMatch(line -> line.length() == 64);
        assertThat(vm.canLookUpProperty().get()).isTrue();
    }

    @Test
    void anUnknownQueryIdIsSaidPlainly() throws Exception {
        var vm = lookUp("q-nobody");
        assertThat(vm.stateProperty().get()).isEqualTo(LookupViewModel.State.NOT_FOUND);
        assertThat(vm.resultTextProperty().get()).startsWith("No entry with query id 'q-nobody' is in the log up to "
                + "the latest verified checkpoint (size 40");
        assertThat(vm.fields()).isEmpty();
    }

    @Test
    void aProofThatDoesNotLeadToTheVerifiedRootFailsTheLookup() throws Exception {
        log.badProofs = true;
        var vm = lookUp(FakeAuditLog.queryId(3));
        assertThat(vm.stateProperty().get()).isEqualTo(LookupViewModel.State.FAILED);
        assertThat(vm.resultTextProperty().get()).startsWith("✖ The backend's answer does not verify: "
                + "INCLUSION_PROOF_INVALID");
    }

    @Test
    void aTamperedEntryFailsTheLookup() throws Exception {
        log.tamper(3);
        var vm = lookUp(FakeAuditLog.queryId(3));
        assertThat(vm.resultTextProperty().get()).contains("ENTRY_SIGNATURE_INVALID");
    }

    @Test
    void blankInputAndAMissingBackendAreExplained() throws Exception {
        assertThat(lookUp("  ").resultTextProperty().get()).startsWith("Type a query id");
        assertThat(lookUp("q".repeat(200)).resultTextProperty().get()).startsWith("A query id has at most 128 bytes");
        log.down = true;
        var vm = lookUp(FakeAuditLog.queryId(3));
        assertThat(vm.stateProperty().get()).isEqualTo(LookupViewModel.State.ERROR);
        assertThat(vm.resultTextProperty().get()).isEqualTo("The backend did not answer the lookup: backend "
                + "127.0.0.1:1 is unreachable (Connection refused)");
    }
}
