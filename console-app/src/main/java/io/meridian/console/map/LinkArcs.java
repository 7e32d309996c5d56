package io.meridian.console.map;

import io.meridian.console.telemetry.ArcFigure;
import io.meridian.console.telemetry.LagLevel;
import io.meridian.console.telemetry.LagStyle;
import io.meridian.console.topology.HealthStyle;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.Region;
import io.meridian.model.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the map's cross-region arcs, one per directed region pair, and remembers where each went so a click can find
 * it. An arc with a lag figure shows it by colour, width, dash pattern and a label ("12.4 s"; a breaker-open arc is
 * thickest red with a breaker glyph and "BREAKER OPEN 74 s"); an arc without one shows its link state as before.
 * The worse arcs are drawn last, so they stay on top.
 */
final class LinkArcs {
    private static final double MARKER = 9;
    private static final double PICK_DISTANCE = 9;
    private static final Color LABEL_BACKGROUND = Color.web("#0d1117", 0.88);
    private static final Color LABEL_TEXT = Color.web("#e6edf3");

    /** Where an arc went: sample points along the curve and its label's box. */
    private record Drawn(String sourceRegionId, String targetRegionId, double[] xs, double[] ys, Rectangle2D label) {}

    private final List<Drawn> drawn = new ArrayList<>();
    private final TextMeasure measure;

    LinkArcs(TextMeasure measure) {
        this.measure = measure;
    }

    /** Draws every arc; {@code placed} collects label boxes so later labels avoid them. */
    void draw(GraphicsContext g, Projection p, Topology topology, Map<String, ArcFigure> figures, String selectedPair,
              List<Rectangle2D> placed) {
        drawn.clear();
        var worstState = new LinkedHashMap<String, LinkState>();
        for (var link : topology.links()) {
            if (link.crossRegion()) {
                worstState.merge(ArcFigure.pair(link.sourceRegionId(), link.targetRegionId()), link.state(),
                        (a, b) -> a.ordinal() >= b.ordinal() ? a : b);
            }
        }
        var order = new ArrayList<>(worstState.keySet());
        order.sort(Comparator.comparing((String pair) -> figures.containsKey(pair) && !figures.get(pair).stale()
                ? figures.get(pair).level().ordinal() : -1));
        var labels = new ArrayList<Runnable>();
        for (var pair : order) {
            var ends = pair.split("\n");
            var from = topology.region(ends[0]);
            var to = topology.region(ends[1]);
            if (from.isPresent() && to.isPresent()) {
                drawArc(g, p, from.get(), to.get(), worstState.get(pair), figures.get(pair), pair.equals(selectedPair),
                        placed, labels);
            }
        }
        // Labels after every line, so no line crosses a label.
        labels.forEach(Runnable::run);
        g.setLineDashes();
    }

    /** The arc (source, target region ids) near a point, if any. */
    Optional<String[]> arcAt(double x, double y) {
        for (int i = drawn.size() - 1; i >= 0; i--) {
            var arc = drawn.get(i);
            if (arc.label() != null && arc.label().contains(x, y)) {
                return Optional.of(new String[] {arc.sourceRegionId(), arc.targetRegionId()});
            }
        }
        for (int i = drawn.size() - 1; i >= 0; i--) {
            var arc = drawn.get(i);
            for (int k = 1; k < arc.xs().length; k++) {
                if (distanceToSegment(x, y, arc.xs()[k - 1], arc.ys()[k - 1], arc.xs()[k], arc.ys()[k])
                        <= PICK_DISTANCE) {
                    return Optional.of(new String[] {arc.sourceRegionId(), arc.targetRegionId()});
                }
            }
        }
        return Optional.empty();
    }

    private void drawArc(GraphicsContext g, Projection p, Region from, Region to, LinkState state, ArcFigure figure,
                         boolean selected, List<Rectangle2D> placed, List<Runnable> labels) {
        double x1 = p.x(from.location().longitude());
        double y1 = p.y(from.location().latitude());
        double x2 = p.x(to.location().longitude());
        double y2 = p.y(to.location().latitude());
        double dx = x2 - x1;
        double dy = y2 - y1;
        double length = Math.hypot(dx, dy);
        if (length < 2 * MARKER) {
            return;
        }
        // Bend every arc to its right, so A->B and B->A stay apart.
        double bend = Math.min(60, length * 0.18);
        double cx = (x1 + x2) / 2 + dy / length * bend;
        double cy = (y1 + y2) / 2 - dx / length * bend;
        var color = figure == null ? HealthStyle.color(state) : LagStyle.color(figure.level(), figure.stale());
        double width = figure == null ? (state == LinkState.STREAMING ? 1.6 : 2.6)
                : LagStyle.width(figure.level(), figure.stale());
        var dashes = figure == null ? HealthStyle.dashes(state) : LagStyle.dashes(figure.level(), figure.stale());
        if (selected) {
            g.setStroke(Color.web("#ffffff", 0.55));
            g.setLineWidth(width + 6);
            g.setLineDashes();
            curve(g, x1, y1, cx, cy, x2, y2);
        }
        g.setStroke(color);
        g.setLineWidth(width);
        g.setLineDashes(dashes);
        curve(g, x1, y1, cx, cy, x2, y2);
        g.setLineDashes();
        arrowhead(g, color, x2, y2, cx, cy, width);
        double mx = 0.25 * x1 + 0.5 * cx + 0.25 * x2;
        double my = 0.25 * y1 + 0.5 * cy + 0.25 * y2;
        if (state == LinkState.DISCONNECTED) {
            g.setStroke(color);
            g.setLineWidth(2.5);
            g.strokeLine(mx - 5, my - 5, mx + 5, my + 5);
            g.strokeLine(mx - 5, my + 5, mx + 5, my - 5);
        }
        int steps = 24;
        var xs = new double[steps + 1];
        var ys = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            double t = (double) i / steps;
            xs[i] = (1 - t) * (1 - t) * x1 + 2 * (1 - t) * t * cx + t * t * x2;
            ys[i] = (1 - t) * (1 - t) * y1 + 2 * (1 - t) * t * cy + t * t * y2;
        }
        var arc = new Drawn(from.id(), to.id(), xs, ys, null);
        drawn.add(arc);
        if (figure != null) {
            labels.add(() -> label(g, figure, mx, my, selected, placed, arc));
        }
    }

    private static void curve(GraphicsContext g, double x1, double y1, double cx, double cy, double x2, double y2) {
        g.beginPath();
        g.moveTo(x1, y1);
        g.quadraticCurveTo(cx, cy, x2, y2);
        g.stroke();
    }

    /** Arrowhead near the target, along the curve's final tangent, sized to the line. */
    private static void arrowhead(GraphicsContext g, Color color, double x2, double y2, double cx, double cy,
                                  double width) {
        double tx = x2 - cx;
        double ty = y2 - cy;
        double tl = Math.hypot(tx, ty);
        double ux = tx / tl;
        double uy = ty / tl;
        double tipX = x2 - ux * (MARKER + 2);
        double tipY = y2 - uy * (MARKER + 2);
        double len = 9 + width;
        double half = 5 + width / 2;
        g.setFill(color);
        g.fillPolygon(new double[] {tipX, tipX - ux * len - uy * half, tipX - ux * len + uy * half},
                new double[] {tipY, tipY - uy * len + ux * half, tipY - uy * len - ux * half}, 3);
    }

    /**
     * The lag label at the arc's middle, in a box outlined in the arc's colour. A label that would cover another is
     * moved along the normal; one within target may be left out when no place is free (its arc still shows its
     * state), but one over the SLO, open, stale or selected is always drawn.
     */
    private void label(GraphicsContext g, ArcFigure figure, double mx, double my, boolean selected,
                       List<Rectangle2D> placed, Drawn arc) {
        boolean breaker = figure.level() == LagLevel.BREAKER_OPEN && !figure.stale();
        var font = Font.font(null, FontWeight.BOLD, breaker ? 17 : 15);
        var size = measure.of(figure.label(), font);
        double glyph = breaker ? 22 : 0;
        double w = size.getWidth() + 12 + glyph;
        double h = size.getHeight() + 6;
        Rectangle2D spot = null;
        for (double shift : new double[] {0, -h - 2, h + 2, -2 * h - 4, 2 * h + 4}) {
            var candidate = new Rectangle2D(mx - w / 2, my - h / 2 + shift, w, h);
            if (placed.stream().noneMatch(candidate::intersects)) {
                spot = candidate;
                break;
            }
        }
        boolean mustShow = selected || figure.stale() || figure.level().compareTo(LagLevel.BREACH) >= 0;
        if (spot == null && !mustShow) {
            return;
        }
        if (spot == null) {
            spot = new Rectangle2D(mx - w / 2, my - h / 2, w, h);
        }
        placed.add(spot);
        drawn.set(drawn.indexOf(arc), new Drawn(arc.sourceRegionId(), arc.targetRegionId(), arc.xs(), arc.ys(), spot));
        var color = LagStyle.color(figure.level(), figure.stale());
        g.setFill(breaker ? Color.web("#3d0a0a", 0.95) : LABEL_BACKGROUND);
        g.fillRoundRect(spot.getMinX(), spot.getMinY(), w, h, 8, 8);
        g.setStroke(color);
        g.setLineWidth(breaker ? 3 : 2);
        g.setLineDashes(LagStyle.dashes(figure.level(), figure.stale()).length == 0 ? null : new double[] {4, 3});
        g.strokeRoundRect(spot.getMinX(), spot.getMinY(), w, h, 8, 8);
        g.setLineDashes();
        if (breaker) {
            breakerGlyph(g, spot.getMinX() + 6 + 8, spot.getMinY() + h / 2);
        }
        g.setFill(figure.stale() ? LagStyle.STALE : breaker ? Color.WHITE : LABEL_TEXT);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(figure.label(), spot.getMinX() + 6 + glyph, spot.getMinY() + h / 2);
    }

    /** An open circuit breaker: a red disc with an open switch (two contacts, the blade lifted). */
    private static void breakerGlyph(GraphicsContext g, double x, double y) {
        g.setFill(LagStyle.BREAKER);
        g.fillOval(x - 9, y - 9, 18, 18);
        g.setStroke(Color.WHITE);
        g.setFill(Color.WHITE);
        g.setLineWidth(2);
        g.fillOval(x - 6, y + 1, 3, 3);
        g.fillOval(x + 3, y + 1, 3, 3);
        g.strokeLine(x - 4.5, y + 2.5, x + 4, y - 5);
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double vx = bx - ax;
        double vy = by - ay;
        double lengthSquared = vx * vx + vy * vy;
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / lengthSquared));
        return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
    }
}
