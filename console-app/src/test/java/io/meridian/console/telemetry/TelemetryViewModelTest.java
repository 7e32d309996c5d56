package io.meridian.console.telemetry;

import static io.meridian.console.telemetry.TestTopology.LINK;
import static io.meridian.console.telemetry.TestTopology.T0;
import static io.meridian.console.telemetry.TestTopology.lag;
import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.client.StreamStatus;
import io.meridian.console.topology.Freshness;
import io.meridian.model.telemetry.TelemetryBatch;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.JournalPosition;
import io.meridian.model.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The telemetry view-models without a display or a server: a store fed by hand, a fake backend for history. */
class TelemetryViewModelTest {
    private final MutableClock clock = new MutableClock(T0);
    private final Topology topology = TestTopology.topology();
    private final FakeBackend backend = new FakeBackend();
    private final TelemetryStore store = new TelemetryStore(clock, () -> topology, TelemetryStore.HISTORY_POINTS);
    private final AlertsViewModel alerts = new AlertsViewModel(() -> "alice", clock);
    private final ChartsViewModel charts = new ChartsViewModel(backend, store);
    private final TelemetryViewModel viewModel = new TelemetryViewModel(store, alerts, charts);
    private long sequence;

    @BeforeEach
    void live() {
        store.onStatus(new StreamStatus.Live(T0));
    }

    @AfterEach
    void close() {
        charts.close();
    }

    private void deliver(TelemetrySample... samples) {
        store.onBatch(new TelemetryBatch(new JournalPosition("j", ++sequence), clock.instant(), null,
                List.of(samples), 0));
    }

    private void pulse() {
        viewModel.pulse(clock.instant(), topology, new Freshness(Duration.ZERO, false));
    }

    private TileFigure tile(String id) {
        return viewModel.tiles().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aLagOverTheSloShowsOnTheArcTheTilesAndAsAnAlert() {
        deliver(lag(31.04, 0));
        pulse();
        var arc = viewModel.arcsProperty().get().get(ArcFigure.pair("eu", "us"));
        assertThat(arc.level()).isEqualTo(LagLevel.BREACH);
        assertThat(arc.label()).isEqualTo("31.0 s");
        assertThat(arc.stale()).isFalse();
        assertThat(tile(Headlines.WORST_LAG).state()).isEqualTo(TileFigure.State.ALERT);
        assertThat(tile(Headlines.WORST_LAG).value()).isEqualTo(31.04);
        assertThat(tile(Headlines.LINKS_BREACHING).value()).isEqualTo(1);
        assertThat(alerts.rows()).singleElement()
                .satisfies(row -> assertThat(row.whatProperty().get()).startsWith("SLO breach"));
        assertThat(alerts.takeNotifications()).hasSize(1);
        assertThat(alerts.takeNotifications()).isEmpty();
    }

    @Test
    void anOpenBreakerIsLabelledAsSuch() {
        deliver(lag(LINK, 74, 0, true));
        pulse();
        var arc = viewModel.arcsProperty().get().get(ArcFigure.pair("eu", "us"));
        assertThat(arc.level()).isEqualTo(LagLevel.BREAKER_OPEN);
        assertThat(arc.label()).isEqualTo("BREAKER OPEN 74.0 s");
        assertThat(alerts.rows()).extracting(r -> r.severityProperty().get())
                .containsExactlyInAnyOrder(Severity.WARNING, Severity.CRITICAL);
    }

    @Test
    void figuresThatStopUpdatingTurnStaleWithTheirAge() {
        deliver(lag(2.0, 0));
        pulse();
        assertThat(viewModel.arcsProperty().get().values()).allMatch(a -> !a.stale());
        clock.advance(Duration.ofSeconds(4));
        pulse();
        var arc = viewModel.arcsProperty().get().get(ArcFigure.pair("eu", "us"));
        assertThat(arc.stale()).isTrue();
        assertThat(arc.label()).isEqualTo("2.0 s · 4 s old");
        assertThat(tile(Headlines.WORST_LAG).stale()).isTrue();
        assertThat(tile(Headlines.WORST_LAG).ageText()).isEqualTo("STALE · 4 s old");
    }

    @Test
    void aStreamThatIsNotLiveMakesEveryFigureStaleAtOnce() {
        deliver(lag(2.0, 0));
        pulse();
        store.onStatus(new StreamStatus.Reconnecting(T0, 1, Duration.ofSeconds(1), "server gone"));
        pulse();
        assertThat(viewModel.liveProperty().get()).isFalse();
        assertThat(viewModel.arcsProperty().get().values()).allMatch(ArcFigure::stale);
        assertThat(viewModel.tiles()).filteredOn(t -> !t.id().equals(Headlines.REGIONS_HEALTHY))
                .allMatch(TileFigure::stale);
    }

    @Test
    void anomaliesAreListedOncePerKey() {
        deliver(lag(Double.NaN, 0));
        deliver(lag(-1, 1));
        pulse();
        assertThat(viewModel.anomalies()).singleElement().satisfies(a -> assertThat(a.count()).isEqualTo(2));
        assertThat(viewModel.arcsProperty().get()).isEmpty();
    }

    @Test
    void acknowledgingRecordsWhoAndWhen() {
        deliver(lag(40, 0));
        pulse();
        var row = alerts.rows().getFirst();
        clock.advance(Duration.ofSeconds(7));
        alerts.acknowledge(row);
        assertThat(row.acknowledgedProperty().get()).isTrue();
        assertThat(row.acknowledgementProperty().get()).isEqualTo("ack alice 12:00:07 UTC");
    }

    @Test
    void anArcsChartsStartWithTheBackendsHistoryThenFollowTheStore() throws Exception {
        backend.history.put(TelemetrySample.LinkLag.keyOf(LINK), List.of(lag(1, -3), lag(2, -2), lag(3, -1)));
        deliver(lag(4, 0));
        pulse();
        viewModel.showArc("eu", "us");
        var plots = charts.plotsProperty().get();
        assertThat(plots).singleElement().satisfies(p -> {
            assertThat(p.panel().markers()).extracting(ChartPanel.Marker::value).containsExactly(30.0, 60.0);
        });
        var data = plots.getFirst().data().getFirst();
        await(() -> data.getDataCount() == 4);
        clock.advance(Duration.ofSeconds(1));
        deliver(lag(5, 1));
        pulse();
        await(() -> data.getDataCount() == 5);
        assertThat(data.getValues(1)).startsWith(1, 2, 3, 4, 5);
        pulse();
        assertThat(charts.statusTextProperty().get()).isEqualTo("last hour loaded · live");
    }

    /** Waits for the chart writer thread; a bound on waiting, not a timing assertion. */
    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as("condition within 10 s").isTrue();
    }
}
