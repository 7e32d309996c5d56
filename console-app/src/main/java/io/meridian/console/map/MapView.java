package io.meridian.console.map;

import io.meridian.console.drill.DrillMode;
import io.meridian.console.telemetry.ArcFigure;
import io.meridian.console.telemetry.ChartSelection;
import io.meridian.console.telemetry.TelemetryViewModel;
import io.meridian.console.topology.HealthStyle;
import io.meridian.console.topology.TopologyViewModel;
import io.meridian.model.topology.GeoLocation;
import io.meridian.model.topology.Region;
import io.meridian.model.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The world map: Natural Earth coastlines, a marker per region (colour and shape by health; a violet ring and a
 * "DRILL" badge on the regions a running drill targets), and directed arcs for cross-region replication showing the
 * lag of their worst link ({@link LinkArcs}). Two canvases: the land is drawn
 * only when the size changes, the overlay whenever the topology, the lag figures, the selection or freshness
 * changes. Clicking near a region selects it; clicking an arc or its label opens that arc's charts.
 */
public final class MapView extends Pane {
    private static final Color OCEAN = Color.web("#0a0f17");
    private static final Color LAND = Color.web("#1b2633");
    private static final Color COAST = Color.web("#2f4256");
    private static final Color GRID = Color.web("#141d28");
    private static final Color LABEL = Color.web("#c9d1d9");
    private static final double MARKER = 9;
    private static final double PICK_RADIUS = 18;
    /** The shortest coastline step drawn, in pixels: shorter ones do not show under a 0.8 pixel stroke. */
    private static final double LAND_STEP = 0.75;
    private static final double DRILL_RING = MARKER + 10;
    private static final Font DRILL_FONT = Font.font(null, FontWeight.BOLD, 12);

    private final LandOutlines land;
    private final TopologyViewModel viewModel;
    private final TelemetryViewModel telemetry;
    private final ObservableValue<Set<String>> drilledRegions;
    private final TextMeasure measure = new TextMeasure();
    private final LinkArcs arcs = new LinkArcs(measure);
    private final Canvas landLayer = new Canvas();
    private final Canvas overlay = new Canvas();
    private Projection projection = Projection.fit(1, 1);
    private List<GeoLocation> framed = List.of();
    private boolean landStale;

    /** {@code drilledRegions}: the ids of the regions a running drill targets, marked as under drill. */
    public MapView(LandOutlines land, TopologyViewModel viewModel, TelemetryViewModel telemetry,
                   ObservableValue<Set<String>> drilledRegions) {
        this.land = land;
        this.viewModel = viewModel;
        this.telemetry = telemetry;
        this.drilledRegions = drilledRegions;
        setId("world-map");
        getStyleClass().add("world-map");
        // Unmanaged canvases follow the pane's size without feeding back into its preferred size.
        landLayer.setManaged(false);
        overlay.setManaged(false);
        getChildren().addAll(landLayer, overlay);
        setMinSize(200, 120);
        setPrefSize(800, 500);
        widthProperty().addListener(o -> resized());
        heightProperty().addListener(o -> resized());
        viewModel.topologyProperty().addListener(o -> topologyChanged());
        viewModel.selectedRegionIdProperty().addListener(o -> drawOverlay());
        viewModel.staleProperty().addListener(o -> drawOverlay());
        viewModel.freshnessTextProperty().addListener(o -> {
            if (viewModel.staleProperty().get()) {
                drawOverlay();
            }
        });
        telemetry.arcsProperty().addListener(o -> drawOverlay());
        drilledRegions.addListener(o -> drawOverlay());
        telemetry.charts().selectionProperty().addListener(o -> drawOverlay());
        overlay.setOnMouseClicked(e -> {
            var region = regionAt(e.getX(), e.getY());
            if (region.isPresent()) {
                viewModel.selectedRegionIdProperty().set(region.get().id());
            } else {
                arcs.arcAt(e.getX(), e.getY()).ifPresent(ends -> telemetry.showArc(ends[0], ends[1]));
            }
        });
    }

    private void resized() {
        for (var canvas : List.of(landLayer, overlay)) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
        }
        reframe();
    }

    /** Re-frames the map when regions move in or out; health changes only redraw the overlay. */
    private void topologyChanged() {
        var topology = viewModel.topologyProperty().get();
        var locations = topology == null ? List.<GeoLocation>of()
                : topology.regions().stream().map(Region::location).toList();
        if (!locations.equals(framed)) {
            framed = locations;
            reframe();
        } else {
            drawOverlay();
        }
    }

    /** Frames the regions with a margin, so the part of the world that matters fills the pane. */
    private void reframe() {
        var lonLat = new double[framed.size() * 2];
        for (int i = 0; i < framed.size(); i++) {
            lonLat[2 * i] = framed.get(i).longitude();
            lonLat[2 * i + 1] = framed.get(i).latitude();
        }
        projection = Projection.around(lonLat, 18, 90, getWidth(), getHeight());
        // The land waits for the layout pass: a start resizes the pane several times before its first frame.
        landStale = true;
        setNeedsLayout(true);
        drawOverlay();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (landStale) {
            landStale = false;
            drawLand();
        }
    }

    private Projection projection() {
        return projection;
    }

    private void drawLand() {
        var g = landLayer.getGraphicsContext2D();
        var p = projection();
        g.setFill(OCEAN);
        g.fillRect(0, 0, getWidth(), getHeight());
        g.setStroke(GRID);
        g.setLineWidth(1);
        for (int lon = -180; lon <= 180; lon += 30) {
            g.strokeLine(p.x(lon), p.y(Projection.NORTH), p.x(lon), p.y(Projection.SOUTH));
        }
        for (int lat = -30; lat <= 60; lat += 30) {
            g.strokeLine(p.x(-180), p.y(lat), p.x(180), p.y(lat));
        }
        g.setFill(LAND);
        g.setStroke(COAST);
        g.setLineWidth(0.8);
        // Rings outside the pane are left out, and points closer than LAND_STEP pixels to the last one drawn: at a
        // screen's scale most of the 60,000 points of the 1:50m outlines are that close, and stroking them all made
        // the land the costliest part of the first frame in software (docs/benchmarks.md, "Installers and start-up").
        for (var ring : land.rings()) {
            if (!inView(ring, p)) {
                continue;
            }
            g.beginPath();
            double lastX = p.x(ring[0]);
            double lastY = p.y(Math.max(Projection.SOUTH, ring[1]));
            g.moveTo(lastX, lastY);
            for (int i = 2; i < ring.length; i += 2) {
                double x = p.x(ring[i]);
                double y = p.y(Math.max(Projection.SOUTH, ring[i + 1]));
                if (Math.abs(x - lastX) >= LAND_STEP || Math.abs(y - lastY) >= LAND_STEP || i == ring.length - 2) {
                    g.lineTo(x, y);
                    lastX = x;
                    lastY = y;
                }
            }
            g.closePath();
            g.fill();
            g.stroke();
        }
    }

    /** Whether a ring's bounding box meets the pane (the projection keeps meridians and parallels straight). */
    private boolean inView(double[] ring, Projection p) {
        double west = Double.MAX_VALUE;
        double east = -Double.MAX_VALUE;
        double south = Double.MAX_VALUE;
        double north = -Double.MAX_VALUE;
        for (int i = 0; i < ring.length; i += 2) {
            west = Math.min(west, ring[i]);
            east = Math.max(east, ring[i]);
            south = Math.min(south, ring[i + 1]);
            north = Math.max(north, ring[i + 1]);
        }
        return p.x(east) >= 0 && p.x(west) <= getWidth() && p.y(south) >= 0 && p.y(north) <= getHeight();
    }

    private void drawOverlay() {
        var g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        var topology = viewModel.topologyProperty().get();
        if (topology == null) {
            return;
        }
        boolean stale = viewModel.staleProperty().get();
        g.setGlobalAlpha(stale ? 0.45 : 1.0);
        var p = projection();
        var selectedId = viewModel.selectedRegionIdProperty().get();
        // Markers first, so no label covers another region's marker; then the lag labels, then the region names.
        var labels = new ArrayList<Rectangle2D>();
        var drilled = drilledRegions.getValue();
        for (var region : topology.regions()) {
            double x = p.x(region.location().longitude());
            double y = p.y(region.location().latitude());
            labels.add(new Rectangle2D(x - MARKER, y - MARKER, 2 * MARKER, 2 * MARKER));
            if (drilled.contains(region.id())) {
                labels.add(drillBadge(x, y));
            }
        }
        var selectedArc = telemetry.charts().selectionProperty().get() instanceof ChartSelection.Arc arc
                ? ArcFigure.pair(arc.sourceRegionId(), arc.targetRegionId()) : null;
        arcs.draw(g, p, topology, telemetry.arcsProperty().get(), selectedArc, labels);
        // The selected region last, so its marker and label sit on top.
        topology.regions().stream().sorted(Comparator.comparing(r -> r.id().equals(selectedId)))
                .forEach(region -> drawRegion(g, p, region, topology, region.id().equals(selectedId),
                        drilled.contains(region.id()), labels));
        g.setGlobalAlpha(1.0);
        if (stale) {
            drawStaleNotice(g);
        }
    }

    private void drawRegion(GraphicsContext g, Projection p, Region region, Topology topology, boolean selected,
                            boolean drilled, List<Rectangle2D> labels) {
        double x = p.x(region.location().longitude());
        double y = p.y(region.location().latitude());
        var health = topology.regionHealth(region.id());
        if (drilled) {
            drawDrillMark(g, x, y);
        }
        if (selected) {
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.strokeOval(x - MARKER - 6, y - MARKER - 6, 2 * MARKER + 12, 2 * MARKER + 12);
        }
        g.setFill(HealthStyle.color(health));
        g.setStroke(OCEAN);
        g.setLineWidth(1.5);
        double r = MARKER;
        switch (HealthStyle.shape(health)) {
            case CIRCLE -> {
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
            case TRIANGLE -> {
                var xs = new double[] {x, x + r * 1.15, x - r * 1.15};
                var ys = new double[] {y - r * 1.2, y + r * 0.8, y + r * 0.8};
                g.fillPolygon(xs, ys, 3);
                g.strokePolygon(xs, ys, 3);
            }
            case SQUARE_CROSS -> {
                g.fillRect(x - r, y - r, 2 * r, 2 * r);
                g.strokeRect(x - r, y - r, 2 * r, 2 * r);
                g.setStroke(OCEAN);
                g.setLineWidth(2.5);
                g.strokeLine(x - r + 3, y - r + 3, x + r - 3, y + r - 3);
                g.strokeLine(x - r + 3, y + r - 3, x + r - 3, y - r + 3);
            }
            case DIAMOND -> {
                var xs = new double[] {x, x + r * 1.2, x, x - r * 1.2};
                var ys = new double[] {y - r * 1.2, y, y + r * 1.2, y};
                g.fillPolygon(xs, ys, 4);
                g.strokePolygon(xs, ys, 4);
            }
        }
        drawLabel(g, region.displayName(), x, y, drilled ? DRILL_RING + 4 : MARKER + 5, selected, labels);
    }

    /** Where the "DRILL" badge of the region at (x, y) goes: centred above its ring. */
    private Rectangle2D drillBadge(double x, double y) {
        var size = measure.of("DRILL", DRILL_FONT);
        double w = size.getWidth() + 10;
        double h = size.getHeight() + 2;
        return new Rectangle2D(x - w / 2, y - DRILL_RING - h - 2, w, h);
    }

    /**
     * A drill's target: a dashed violet ring around the marker (outside the selection's white one) and a violet
     * "DRILL" badge above it; the violet of the drill frame and banner, never a health colour.
     */
    private void drawDrillMark(GraphicsContext g, double x, double y) {
        g.setStroke(DrillMode.VIOLET);
        g.setLineWidth(3);
        g.setLineDashes(6, 4);
        g.strokeOval(x - DRILL_RING, y - DRILL_RING, 2 * DRILL_RING, 2 * DRILL_RING);
        g.setLineDashes();
        var badge = drillBadge(x, y);
        g.setFill(DrillMode.VIOLET);
        g.fillRoundRect(badge.getMinX(), badge.getMinY(), badge.getWidth(), badge.getHeight(), 6, 6);
        g.setFill(Color.WHITE);
        g.setFont(DRILL_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("DRILL", x, badge.getMinY() + badge.getHeight() / 2);
    }

    /**
     * Puts a label right, left, above or below its marker ({@code gap} from its centre), whichever stays on the map
     * and overlaps no marker or label placed before. Where none fits, the label is left out (the list names every
     * region) unless the region is selected.
     */
    private void drawLabel(GraphicsContext g, String text, double x, double y, double gap, boolean selected,
                           List<Rectangle2D> placed) {
        boolean bold = selected;
        var font = Font.font(null, bold ? FontWeight.BOLD : FontWeight.NORMAL, 13);
        var size = measure.of(text, font);
        double w = size.getWidth();
        double h = size.getHeight();
        var candidates = List.of(
                new Rectangle2D(x + gap, y - h / 2, w, h),
                new Rectangle2D(x - gap - w, y - h / 2, w, h),
                new Rectangle2D(x - w / 2, y - gap - h, w, h),
                new Rectangle2D(x - w / 2, y + gap, w, h));
        var bounds = new Rectangle2D(0, 0, getWidth(), getHeight());
        var free = candidates.stream()
                .filter(c -> bounds.contains(c) && placed.stream().noneMatch(c::intersects)).findFirst();
        if (free.isEmpty() && !selected) {
            return;
        }
        var spot = free.orElse(candidates.getFirst());
        placed.add(spot);
        g.setFill(Color.web("#0a0f17", 0.65));
        g.fillRoundRect(spot.getMinX() - 3, spot.getMinY() - 1, w + 6, h + 2, 6, 6);
        g.setFill(LABEL);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, spot.getMinX(), spot.getMinY());
    }

    private void drawStaleNotice(GraphicsContext g) {
        var text = viewModel.freshnessTextProperty().get();
        g.setFont(Font.font(null, FontWeight.BOLD, 16));
        g.setFill(Color.web("#000000", 0.7));
        g.fillRoundRect(12, 12, Math.max(260, text.length() * 9.5 + 30), 34, 8, 8);
        g.setFill(HealthStyle.DEGRADED);
        // A pause sign drawn, not typed: not every font has the glyph.
        g.fillRect(22, 21, 4, 16);
        g.fillRect(30, 21, 4, 16);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, 42, 29);
    }

    private Optional<Region> regionAt(double x, double y) {
        var topology = viewModel.topologyProperty().get();
        if (topology == null) {
            return Optional.empty();
        }
        var p = projection();
        Region best = null;
        double bestDistance = PICK_RADIUS;
        for (var region : topology.regions()) {
            double d = Math.hypot(p.x(region.location().longitude()) - x, p.y(region.location().latitude()) - y);
            if (d <= bestDistance) {
                best = region;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }
}
