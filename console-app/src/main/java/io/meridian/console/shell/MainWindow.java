package io.meridian.console.shell;

import io.meridian.client.Backend;
import io.meridian.client.StreamStatus;
import io.meridian.client.TelemetryWatch;
import io.meridian.client.TopologyWatch;
import io.meridian.console.audit.AuditSettings;
import io.meridian.console.audit.AuditView;
import io.meridian.console.audit.AuditViewModel;
import io.meridian.console.failover.FailoverScreen;
import io.meridian.console.drill.DrillExports;
import io.meridian.console.drill.DrillMode;
import io.meridian.console.drill.DrillView;
import io.meridian.console.drill.DrillViewModel;
import io.meridian.console.map.LandOutlines;
import io.meridian.console.map.MapView;
import io.meridian.console.session.ConnectionViewModel;
import io.meridian.console.session.PlatformBanner;
import io.meridian.console.session.StatusBarView;
import io.meridian.console.tasks.FxBackground;
import io.meridian.console.telemetry.AlertNotifier;
import io.meridian.console.telemetry.AlertsViewModel;
import io.meridian.console.telemetry.ChartsView;
import io.meridian.console.telemetry.ChartsViewModel;
import io.meridian.console.telemetry.TelemetryStore;
import io.meridian.console.telemetry.TelemetryViewModel;
import io.meridian.console.telemetry.TilesView;
import io.meridian.console.topology.Freshness;
import io.meridian.console.topology.RegionDetailsView;
import io.meridian.console.topology.RegionListView;
import io.meridian.console.topology.TopologyStore;
import io.meridian.console.topology.TopologyViewModel;
import java.time.Clock;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The console's main window: banner and headline tiles on top; in the middle, tabs: operations (regions | map over
 * charts | details over alerts), failover (Shortcut+Shift+F; its title counts open proposals), the auditor's view
 * and the drills; status bar below. While a drill runs, the whole window is in drill mode (frame and banner,
 * {@link DrillMode}) and the map and the region list mark the regions it targets. It wires the backend's topology
 * and telemetry streams into their stores and drives every view-model from one {@link AnimationTimer}, the single
 * place where background state reaches the FX thread.
 */
public final class MainWindow implements AutoCloseable {
    /** The most telemetry samples per second the console asks for; the server coalesces beyond it. */
    public static final int MAX_SAMPLES_PER_SECOND = 50_000;
    static final long CLOCK_REFRESH_NANOS = 200_000_000L;
    static final long TELEMETRY_REFRESH_NANOS = 100_000_000L;

    private final TopologyWatch watch;
    private final TelemetryWatch telemetryWatch;
    private final ConnectionViewModel connection;
    private final TopologyViewModel topology;
    private final TelemetryViewModel telemetry;
    private final TopologyStore store;
    private final TelemetryStore telemetryStore;
    private final AuditViewModel audit;
    private final FailoverScreen failover;
    private final DrillViewModel drills;
    private final AnimationTimer pulse;
    private final BorderPane root = new BorderPane();

    public MainWindow(Backend backend, LandOutlines land, AuditSettings auditSettings, Clock clock) {
        store = new TopologyStore(clock);
        telemetryStore = new TelemetryStore(clock, store::topology, TelemetryStore.HISTORY_POINTS);
        topology = new TopologyViewModel(store, new RegionServiceFigures(telemetryStore));
        connection = new ConnectionViewModel(backend, clock);
        var alerts = new AlertsViewModel(() -> connection.callerIdentityProperty().get(), clock);
        telemetry = new TelemetryViewModel(telemetryStore, alerts, new ChartsViewModel(backend, telemetryStore));
        watch = backend.watchTopology(store);
        telemetryWatch = backend.watchTelemetry(MAX_SAMPLES_PER_SECOND, telemetryStore);
        audit = AuditViewModel.open(backend.audit(), auditSettings, alerts::raise, clock);

        drills = new DrillViewModel(backend.drills(), new FxBackground(), clock, new DrillExports());
        var list = new RegionListView(topology, drills.drilledRegionsProperty());
        var centre = new SplitPane(new MapView(land, topology, telemetry, drills.drilledRegionsProperty()),
                new ChartsView(telemetry.charts()));
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.66);
        var side = new SplitPane(new RegionDetailsView(topology), new EventsPane(telemetry));
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.5);
        var split = new SplitPane(list, centre, side);
        split.setDividerPositions(0.17, 0.72);
        SplitPane.setResizableWithParent(list, false);
        SplitPane.setResizableWithParent(side, false);
        topology.selectedRegionIdProperty().addListener((obs, old, id) -> telemetry.showRegion(id));

        var drillTab = new Tab("Drills");
        drillTab.setId("drill-tab");

        root.setId("main-window");
        root.setTop(new VBox(DrillMode.apply(root, drills), new PlatformBanner(connection), new TilesView(telemetry)));
        failover = new FailoverScreen(backend, topology.topologyProperty(), new CandidateLag(store, telemetryStore),
                new FxBackground(), clock);
        // Only the operations tab is built now; the others when first opened (LazyTab), for a faster first frame.
        var tabs = new TabPane(new Tab("Operations", split), LazyTab.of(failover.tab(), failover::pane),
                LazyTab.of(AuditView.tab(audit), () -> new AuditView(audit)),
                LazyTab.of(drillTab, () -> new DrillView(drills, topology.topologyProperty())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("main-tabs");
        root.setCenter(tabs);
        root.setBottom(new StatusBarView(connection, topology));

        var notifier = new AlertNotifier(root);
        pulse = new AnimationTimer() {
            private long lastClockNanos;
            private long lastTelemetryNanos;
            private boolean tilesDue;

            @Override
            public void handle(long now) {
                // Topology changes show in the next frame; age clocks tick a few times a second; telemetry, which
                // changes every frame under load, refreshes ten times a second (faster than anyone reads a
                // number), in two halves on consecutive frames so that no frame carries the whole refresh.
                boolean clocksDue = now - lastClockNanos >= CLOCK_REFRESH_NANOS;
                boolean telemetryDue = now - lastTelemetryNanos >= TELEMETRY_REFRESH_NANOS;
                if (!(clocksDue || telemetryDue || tilesDue || store.isDirty())) {
                    return;
                }
                var instant = clock.instant();
                topology.pulse(instant);
                failover.pulse(instant);
                var status = Objects.requireNonNullElse(topology.statusProperty().get(), store.status());
                if (clocksDue) {
                    lastClockNanos = now;
                    connection.pulse(instant, status, store.lastEventAt());
                    audit.pulse(instant);
                    drills.pulse(instant);
                }
                if (tilesDue) {
                    tilesDue = false;
                    telemetry.refreshTiles(instant,
                            Freshness.of(store.lastEventAt(), instant, status instanceof StreamStatus.Live));
                } else if (telemetryDue) {
                    lastTelemetryNanos = now;
                    telemetry.applyChanges(instant, topology.topologyProperty().get());
                    notifier.show(telemetry.alerts().takeNotifications());
                    tilesDue = true;
                }
            }
        };
        pulse.start();
    }

    public Parent root() {
        return root;
    }

    /** A scene with the theme and the console's stylesheet. */
    public Scene scene(double width, double height) {
        var scene = new Scene(root, width, height);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Shift+F"), failover::focus);
        scene.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("/io/meridian/console/meridian.css")).toExternalForm());
        return scene;
    }

    public TopologyViewModel topology() {
        return topology;
    }

    public TelemetryViewModel telemetry() {
        return telemetry;
    }

    public DrillViewModel drills() {
        return drills;
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public FailoverScreen failover() {
        return failover;
    }

    public AuditViewModel audit() {
        return audit;
    }

    @Override
    public void close() {
        pulse.stop();
        failover.close();
        drills.close();
        telemetryWatch.close();
        watch.close();
        telemetry.charts().close();
        connection.close();
        audit.close();
    }
}
