package io.meridian.console.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.client.StreamStatus;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.SnapshotReason;
import io.meridian.model.topology.TopologyEvent;
import io.meridian.server.scenario.ScenarioTopology;
import io.meridian.sim.ShippedScenarios;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The topology screen's state: another scenario after a reconnect. */
class TopologyViewModelTest {
    @Test
    void aSnapshotOfAnotherScenarioReplacesEveryRegionAndDropsAVanishedSelection() throws Exception {
        var store = new TopologyStore(Clock.systemUTC());
        var viewModel = new TopologyViewModel(store, regionId -> Optional.empty());
        var first = ScenarioTopology.initial(ShippedScenarios.load("phase-7p"), Instant.EPOCH);
        var second = ScenarioTopology.initial(ShippedScenarios.load("sovren"), Instant.EPOCH);

        store.onStatus(new StreamStatus.Live(Instant.now()));
        store.onEvent(new TopologyEvent.Snapshot(new JournalPosition("a", 1), Instant.now(), SnapshotReason.INITIAL,
                first));
        viewModel.pulse(Instant.now());
        viewModel.selectedRegionIdProperty().set("cn-north-1");
        assertThat(viewModel.selectedProperty().get()).isNotNull();

        store.onEvent(new TopologyEvent.Snapshot(new JournalPosition("b", 1), Instant.now(),
                SnapshotReason.JOURNAL_CHANGED, second));
        viewModel.pulse(Instant.now());

        assertThat(viewModel.rows()).extracting(row -> row.region().id())
                .containsExactlyElementsOf(second.regions().stream().map(r -> r.id()).toList());
        // The selected region does not exist in the new scenario: nothing stale is shown as its details.
        assertThat(viewModel.selectedProperty().get()).isNull();
        assertThat(viewModel.staleProperty().get()).isFalse();
    }
}
