package io.meridian.console.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.client.DrillWatch;
import io.meridian.console.tasks.CurrentThread;
import io.meridian.model.drill.Drill;
import io.meridian.model.drill.DrillRequest;
import io.meridian.model.drill.DrillType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drill view-model without a display or a server. */
class DrillViewModelTest {
    private final FakeDrillClient client = new FakeDrillClient(DrillSamples.waitingForDecision());
    private final List<DrillWatch.Listener> listeners = client.listeners;
    private final List<String> calls = client.calls;
    private final Drill running = client.running;

    private final DrillViewModel model = new DrillViewModel(client, new CurrentThread(),
            Clock.fixed(Instant.parse("2026-11-25T03:00:05Z"), ZoneOffset.UTC), new DrillExports());

    @Test
    void startingFollowsTheDrillAndEntersDrillModeOnTheNextPulse() {
        model.start(DrillRequest.of(DrillType.REGION_OUTAGE, "us-east-1"));
        assertThat(model.activeProperty().get()).as("nothing reaches the screen before the pulse").isFalse();
        model.pulse(Instant.parse("2026-11-25T03:00:05Z"));
        assertThat(model.activeProperty().get()).isTrue();
        assertThat(model.bannerProperty().get()).startsWith("DRILL IN PROGRESS").contains("NOT A REAL INCIDENT")
                .contains("simulated ×20.0");
        assertThat(model.clocks()).hasSize(4);
        assertThat(model.timeline().getFirst().kind()).as("newest first").isEqualTo("proposal opened");
        assertThat(listeners).hasSize(1);
    }

    @Test
    void aRunbookFileIsReadAndSentWithItsNameAndAMissingOneIsSaidInWords(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("monthly.json"), "{\"runbook\": \"x\"}");
        model.startRunbook(file);
        assertThat(calls).containsExactly("start RUNBOOK [] monthly.json 16");
        model.startRunbook(dir.resolve("missing.json"));
        assertThat(model.messageProperty().get()).startsWith("cannot read the runbook").contains("missing.json");
        assertThat(calls).hasSize(1);
    }

    @Test
    void aRefusalIsShownInWordsAndNothingIsFollowed() {
        model.start(DrillRequest.of(DrillType.REGION_OUTAGE, "busy-1"));
        model.pulse(Instant.parse("2026-11-25T03:00:05Z"));
        assertThat(model.messageProperty().get()).isEqualTo("region busy-1 is already in drill x");
        assertThat(model.activeProperty().get()).isFalse();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void theFinalReportEndsDrillMode() {
        model.start(DrillRequest.of(DrillType.REGION_OUTAGE, "us-east-1"));
        model.pulse(Instant.parse("2026-11-25T03:00:05Z"));
        var ended = new Drill(running.id(), running.type(), running.title(), running.targets(),
                io.meridian.model.drill.DrillState.COMPLETED, "every step ran", "carol", running.startedAt(),
                running.startedAt().plusSeconds(200), running.platformElapsed(), running.wallElapsed(),
                running.steps(), running.timeline(), running.measures(), running.decisions(), running.proposalIds(),
                running.audit(), "", running.declaredFaults(), io.meridian.model.drill.DrillOutcome.FAILED);
        listeners.getFirst().onDrill(ended, true);
        model.pulse(Instant.parse("2026-11-25T03:00:06Z"));
        assertThat(model.activeProperty().get()).isFalse();
        assertThat(model.bannerProperty().get()).isEmpty();
        assertThat(model.headlineProperty().get()).startsWith("✕").contains("completed").contains("outcome failed");
        assertThat(model.messageProperty().get()).isEqualTo("Drill completed: every step ran");
        model.abort("too late");
        assertThat(calls).as("an ended drill is not aborted").noneMatch(c -> c.startsWith("abort"));
    }

    @Test
    void theRegionsTheDrillTargetsAreMarkedWhileItRunsAndNoLonger() {
        assertThat(model.drilledRegionsProperty().get()).isEmpty();
        client.running = DrillSamples.monthlyRunbook(3);
        model.start(DrillRequest.shippedRunbook("phase-7p-monthly"));
        assertThat(model.drilledRegionsProperty().get()).as("nothing before the pulse").isEmpty();
        model.pulse(Instant.parse("2026-11-25T03:00:05Z"));
        assertThat(model.drilledRegionsProperty().get()).containsExactly("us-east-1");
        var shown = model.drilledRegionsProperty().get();
        listeners.getFirst().onDrill(DrillSamples.monthlyRunbook(4), false);
        model.pulse(Instant.parse("2026-11-25T03:00:06Z"));
        assertThat(model.drilledRegionsProperty().get()).as("the same regions: no change for the map to redraw")
                .isSameAs(shown);

        var runbook = client.running;
        listeners.getFirst().onDrill(new Drill(runbook.id(), runbook.type(), runbook.title(), runbook.targets(),
                io.meridian.model.drill.DrillState.ABORTED, "aborted by carol", "carol", runbook.startedAt(),
                runbook.startedAt().plusSeconds(120), runbook.platformElapsed(), runbook.wallElapsed(),
                runbook.steps(), runbook.timeline(), runbook.measures(), runbook.decisions(), runbook.proposalIds(),
                runbook.audit(), runbook.runbookName(), runbook.declaredFaults(),
                io.meridian.model.drill.DrillOutcome.INCOMPLETE), true);
        model.pulse(Instant.parse("2026-11-25T03:00:07Z"));
        assertThat(model.drilledRegionsProperty().get()).as("an ended drill marks no region").isEmpty();
    }
}
