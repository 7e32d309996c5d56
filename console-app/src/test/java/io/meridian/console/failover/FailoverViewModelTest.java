package io.meridian.console.failover;

import static io.meridian.console.failover.Proposals.DANA;
import static io.meridian.console.failover.Proposals.OMAR;
import static io.meridian.console.failover.Proposals.VERA;
import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.client.ActingIdentities;
import io.meridian.client.BackendException;
import io.meridian.client.DecisionSigner;
import io.meridian.client.StreamStatus;
import io.meridian.console.tasks.CurrentThread;
import io.meridian.model.failover.DecisionKind;
import io.meridian.model.failover.Proposal;
import io.meridian.model.failover.ProposalEvent;
import io.meridian.model.topology.Topology;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The failover view-model without a display or a server: a fake client, and backend calls on this thread. */
class FailoverViewModelTest {
    private final Clock clock = Clock.fixed(Proposals.OPENED.plusSeconds(90), ZoneOffset.UTC);
    private final ActingIdentities team = ActingIdentities.demoTeam(List.of(DANA, OMAR, VERA), Optional.of(DANA));
    private final ProposalStore store = new ProposalStore(clock);
    private FakeFailoverClient client;
    private FailoverViewModel viewModel;

    private void start(Proposal proposal) {
        client = new FakeFailoverClient(proposal);
        viewModel = new FailoverViewModel(client, team, store, new CurrentThread(), new DecisionSigner(clock),
                new SimpleObjectProperty<Topology>(), replica -> Optional.of(
                        new LiveLag.Reading("eu-db-fra-1", 0.42, 2048, clock.instant().minusSeconds(10))));
        store.onStatus(new StreamStatus.Live(clock.instant()));
        store.onEvent(new ProposalEvent.Changed(clock.instant(), proposal));
        viewModel.pulse(clock.instant());
    }

    @Test
    void anOpenProposalIsSelectedCountedAndAgedInServerTime() {
        start(Proposals.open(1, List.of(Proposals.pass("quorum"))));
        assertThat(viewModel.openCountProperty().get()).isEqualTo(1);
        assertThat(viewModel.selectedProperty().get().id()).isEqualTo("p-1");
        assertThat(viewModel.rows().getFirst().ageProperty().get()).isEqualTo("open 1 min 30 s");
        assertThat(viewModel.rows().getFirst().approvals()).isEqualTo("0/2 approvals");
        // A lag figure that stopped coming is shown as frozen, never as small.
        assertThat(viewModel.liveLagTextProperty().get()).isEqualTo(
                "Live lag of eu-db-fra-2 behind eu-db-fra-1: FROZEN at 420 ms (2.0 KiB), last figure 10 s old");
    }

    @Test
    void aBlockDisablesApprovalWithTheRuleAndReasonButRejectStaysPossible() {
        start(Proposals.open(1, List.of(Proposals.block("data-residency"))));
        assertThat(viewModel.approveProperty().get().allowed()).isFalse();
        assertThat(viewModel.approveProperty().get().why()).contains("data-residency")
                .contains("data would leave its jurisdiction").contains("cannot be overridden");
        assertThat(viewModel.rejectProperty().get().allowed()).isTrue();
    }

    @Test
    void aViewerMayNotDecideAndIsToldWhy() {
        start(Proposals.open(1, List.of()));
        viewModel.actingProperty().set(VERA);
        assertThat(viewModel.approveProperty().get().allowed()).isFalse();
        assertThat(viewModel.approveProperty().get().why()).contains("Vera Lind is viewer")
                .contains("only an operator or an incident-commander");
        assertThat(team.current()).contains(VERA);
    }

    @Test
    void aWarnOnlyAnIncidentCommanderMayOverrideDisablesApprovalForAnOperator() {
        start(Proposals.open(1, List.of(Proposals.warn("fencing", "incident-commander"))));
        assertThat(viewModel.approveProperty().get().why()).contains("fencing").contains("incident-commander");
        viewModel.actingProperty().set(OMAR);
        assertThat(viewModel.approveProperty().get().allowed()).isTrue();
    }

    @Test
    void theSameIdentityCannotApproveTwice() {
        start(Proposals.open(1, List.of(), Proposals.approvalBy(DANA, 1)));
        assertThat(viewModel.approveProperty().get().why()).contains("already decided");
        viewModel.actingProperty().set(OMAR);
        assertThat(viewModel.approveProperty().get().allowed()).isTrue();
    }

    @Test
    void approvingNeedsAReasonTheTargetsNameAndEveryOverrideTicked() {
        start(Proposals.open(1, List.of(Proposals.warn("lag-gate", ""))));
        var dialog = viewModel.decisionDialog(DecisionKind.APPROVE).orElseThrow();
        assertThat(dialog.canSubmitProperty().get()).isFalse();
        assertThat(dialog.whyNotProperty().get()).contains("reason");
        dialog.reasonProperty().set("primary confirmed dead");
        assertThat(dialog.whyNotProperty().get()).contains("eu-db-fra-2");
        dialog.typedTargetProperty().set("eu-db-fra-3");
        assertThat(dialog.canSubmitProperty().get()).isFalse();
        dialog.typedTargetProperty().set("eu-db-fra-2");
        assertThat(dialog.whyNotProperty().get()).contains("lag-gate");
        dialog.overrides().getFirst().ticked().set(true);
        assertThat(dialog.canSubmitProperty().get()).isTrue();
        assertThat(dialog.stillNeeded()).contains("1 more approval from someone else");

        dialog.submit();
        assertThat(dialog.doneProperty().get()).isTrue();
        var sent = client.sent.getFirst().payload();
        assertThat(sent.identity()).isEqualTo("dana");
        assertThat(sent.overriddenChecks()).containsExactly("lag-gate");
        assertThat(sent.proposalVersion()).isEqualTo(1);
        viewModel.pulse(clock.instant());
        assertThat(viewModel.messageProperty().get()).startsWith("Approved as dana: 1 of 2 approvals");
        assertThat(viewModel.approveProperty().get().allowed()).isFalse();
    }

    @Test
    void tryingAgainAfterALostReplySendsTheSameSignedDecisionAndAnEditSignsANewOne() {
        start(Proposals.open(1, List.of()));
        var dialog = viewModel.decisionDialog(DecisionKind.REJECT).orElseThrow();
        dialog.reasonProperty().set("primary is recovering");
        client.failures.add(new BackendException(BackendException.Kind.UNREACHABLE, "backend x is unreachable",
                null));
        dialog.submit();
        assertThat(dialog.errorProperty().get()).contains("unreachable").contains("at most once");
        assertThat(dialog.doneProperty().get()).isFalse();
        dialog.submit();
        assertThat(dialog.doneProperty().get()).isTrue();
        assertThat(client.sent).hasSize(2);
        assertThat(client.sent.get(1)).isEqualTo(client.sent.get(0));

        viewModel.pulse(clock.instant());
        assertThat(viewModel.decisionDialog(DecisionKind.REJECT)).isEmpty();
    }

    @Test
    void aRefusalIsShownInTheBackendsWords() {
        start(Proposals.open(1, List.of()));
        var dialog = viewModel.decisionDialog(DecisionKind.REJECT).orElseThrow();
        dialog.reasonProperty().set("no");
        client.failures.add(new BackendException(BackendException.Kind.REFUSED,
                "the proposal changed: review it again", null));
        dialog.submit();
        assertThat(dialog.errorProperty().get()).isEqualTo("Refused: the proposal changed: review it again");
        dialog.reasonProperty().set("no, really");
        dialog.submit();
        assertThat(client.sent.get(1).payload().requestId()).isNotEqualTo(client.sent.get(0).payload().requestId());
    }

    @Test
    void aDialogOpenWhileTheProposalChangesSaysSoAndSendsNothing() {
        start(Proposals.open(1, List.of()));
        var dialog = viewModel.decisionDialog(DecisionKind.REJECT).orElseThrow();
        dialog.reasonProperty().set("primary is recovering");
        assertThat(dialog.canSubmitProperty().get()).isTrue();
        store.accept(Proposals.open(2, List.of(Proposals.warn("quorum", ""))));
        viewModel.pulse(clock.instant());
        assertThat(dialog.canSubmitProperty().get()).isFalse();
        assertThat(dialog.whyNotProperty().get()).contains("version 1 → 2").contains("review the proposal again");
        dialog.submit();
        assertThat(client.sent).isEmpty();
    }

    @Test
    void aSilentStreamSaysHowLongAndALiveOneSaysLiveAgain() {
        start(Proposals.open(1, List.of()));
        assertThat(viewModel.streamTextProperty().get()).isEqualTo("Live");
        viewModel.pulse(clock.instant().plusSeconds(10));
        assertThat(viewModel.streamTextProperty().get()).isEqualTo("No word from the backend for 10 s");
        viewModel.pulse(clock.instant().plusSeconds(1));
        assertThat(viewModel.streamTextProperty().get()).isEqualTo("Live");
    }

    @Test
    void anOlderCopyNeverReplacesANewerOne() {
        start(Proposals.open(3, List.of()));
        store.accept(Proposals.open(2, List.of()));
        viewModel.pulse(clock.instant());
        assertThat(viewModel.selectedProperty().get().version()).isEqualTo(3);
    }
}
