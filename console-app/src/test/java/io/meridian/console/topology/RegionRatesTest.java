package io.meridian.console.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.client.StreamStatus;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.telemetry.TransactionRates;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.SnapshotReason;
import io.meridian.model.topology.TopologyEvent;
import io.meridian.server.scenario.ScenarioTopology;
import io.meridian.sim.ShippedScenarios;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The details pane's commit and rollback rates: known, zero, unknown, missing and stale stay apart. */
class RegionRatesTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private final Map<String, RegionServiceSource.Reading> figures = new HashMap<>();

    private static RegionServiceSource.Reading reading(String region, Optional<TransactionRates> rates, Instant asOf) {
        return new RegionServiceSource.Reading(new TelemetrySample.RegionService(region, asOf, 100,
                Duration.ofMinutes(5), 2, 9, rates), asOf);
    }

    private TopologyViewModel viewModel() throws Exception {
        var store = new TopologyStore(Clock.systemUTC());
        var viewModel = new TopologyViewModel(store, region -> Optional.ofNullable(figures.get(region)));
        store.onStatus(new StreamStatus.Live(T0));
        store.onEvent(new TopologyEvent.Snapshot(new JournalPosition("a", 1), T0, SnapshotReason.INITIAL,
                ScenarioTopology.initial(ShippedScenarios.load("phase-7p"), T0)));
        viewModel.pulse(T0);
        return viewModel;
    }

    @Test
    void theSelectedRegionShowsItsRatesAndFollowsEachNewFigure() throws Exception {
        var viewModel = viewModel();
        assertThat(viewModel.selectedRatesProperty().get()).isNull();
        figures.put("eu-central-1", reading("eu-central-1", Optional.of(new TransactionRates(1234.4, 17.25)), T0));
        viewModel.selectedRegionIdProperty().set("eu-central-1");
        assertThat(viewModel.selectedRatesProperty().get())
                .isEqualTo(new RegionRates("1,234 /s", "17.3 /s", false, ""));

        figures.put("eu-central-1", reading("eu-central-1", Optional.of(new TransactionRates(0, 0)),
                T0.plusSeconds(1)));
        viewModel.pulse(T0.plusSeconds(1));
        // Zero is a measurement: the region served nothing.
        assertThat(viewModel.selectedRatesProperty().get()).isEqualTo(new RegionRates("0.0 /s", "0.0 /s", false, ""));

        viewModel.selectedRegionIdProperty().set("us-east-1");
        assertThat(viewModel.selectedRatesProperty().get().commits()).isEqualTo("no data yet");
        viewModel.selectedRegionIdProperty().set(null);
        assertThat(viewModel.selectedRatesProperty().get()).isNull();
    }

    @Test
    void unknownRatesReadUnknownNeverZero() throws Exception {
        var viewModel = viewModel();
        figures.put("us-east-1", reading("us-east-1", Optional.empty(), T0));
        viewModel.selectedRegionIdProperty().set("us-east-1");
        viewModel.pulse(T0.plusMillis(500));
        var rates = viewModel.selectedRatesProperty().get();
        assertThat(rates.commits()).isEqualTo("unknown");
        assertThat(rates.rollbacks()).isEqualTo("unknown");
        assertThat(rates.stale()).isFalse();
    }

    @Test
    void aFigureOlderThanThreeSecondsIsStaleWithItsAge() throws Exception {
        var viewModel = viewModel();
        figures.put("eu-central-1", reading("eu-central-1", Optional.of(new TransactionRates(42, 1)), T0));
        viewModel.selectedRegionIdProperty().set("eu-central-1");
        viewModel.pulse(T0.plusSeconds(3));
        assertThat(viewModel.selectedRatesProperty().get().stale()).isFalse();
        viewModel.pulse(T0.plusSeconds(12));
        assertThat(viewModel.selectedRatesProperty().get())
                .isEqualTo(new RegionRates("42.0 /s", "1.0 /s", true, "STALE · 12 s old"));
    }
}
