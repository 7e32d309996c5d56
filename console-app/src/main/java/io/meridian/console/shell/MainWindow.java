package io.meridian.console.shell;

import io.meridian.client.Backend;
import io.meridian.client.TopologyWatch;
import io.meridian.console.map.LandOutlines;
import io.meridian.console.session.ConnectionViewModel;
import io.meridian.console.session.PlatformBanner;
import io.meridian.console.session.StatusBarView;
import io.meridian.console.topology.MapView;
import io.meridian.console.topology.RegionDetailsView;
import io.meridian.console.topology.RegionListView;
import io.meridian.console.topology.TopologyStore;
import io.meridian.console.topology.TopologyViewModel;
import java.time.Clock;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/**
 * The console's main window: banner on top, regions | map | details in the middle, status bar below. It wires the
 * backend's topology watch into the store and drives every view-model from one {@link AnimationTimer}, the single
 * place where background state reaches the FX thread.
 */
public final class MainWindow implements AutoCloseable {
    private final TopologyWatch watch;
    private final ConnectionViewModel connection;
    private final TopologyViewModel topology;
    private final TopologyStore store;
    private final AnimationTimer pulse;
    private final BorderPane root = new BorderPane();

    public MainWindow(Backend backend, LandOutlines land, Clock clock) {
        store = new TopologyStore(clock);
        topology = new TopologyViewModel(store);
        connection = new ConnectionViewModel(backend, clock);
        watch = backend.watchTopology(store);

        var list = new RegionListView(topology);
        var map = new MapView(land, topology);
        var details = new RegionDetailsView(topology);
        var split = new SplitPane(list, map, details);
        split.setDividerPositions(0.2, 0.77);
        SplitPane.setResizableWithParent(list, false);
        SplitPane.setResizableWithParent(details, false);

        root.setId("main-window");
        root.setTop(new PlatformBanner(connection));
        root.setCenter(split);
        root.setBottom(new StatusBarView(connection, topology));

        pulse = new AnimationTimer() {
            private long lastFreshnessNanos;

            @Override
            public void handle(long now) {
                // Data is applied every frame when it changed; the age clocks only need a few updates a second.
                if (now - lastFreshnessNanos > 200_000_000L || store.isDirty()) {
                    lastFreshnessNanos = now;
                    var instant = clock.instant();
                    topology.pulse(instant);
                    connection.pulse(instant, Objects.requireNonNullElse(topology.statusProperty().get(),
                            store.status()), store.lastEventAt());
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
        scene.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("/io/meridian/console/meridian.css")).toExternalForm());
        return scene;
    }

    public TopologyViewModel topology() {
        return topology;
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    @Override
    public void close() {
        pulse.stop();
        watch.close();
        connection.close();
    }
}
