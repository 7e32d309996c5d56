package io.meridian.console.topology;

import io.meridian.model.topology.ReplicaRole;
import java.time.Duration;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected region: where and what it is, its tier's targets, its live commit and rollback rates, and its
 * replicas by cluster.
 */
public final class RegionDetailsView extends ScrollPane {
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final VBox content = new VBox(10);
    private final Label commits = rateLabel("details-commits");
    private final Label rollbacks = rateLabel("details-rollbacks");
    private final Label ratesNote = new Label();

    public RegionDetailsView(TopologyViewModel viewModel) {
        setId("region-details");
        getStyleClass().add("region-details");
        content.setPadding(new Insets(14));
        setContent(content);
        setFitToWidth(true);
        setMinWidth(280);
        setPrefWidth(360);
        ratesNote.getStyleClass().add("hint");
        ratesNote.setId("details-rates-note");
        viewModel.selectedProperty().addListener((obs, old, details) -> show(details));
        viewModel.selectedRatesProperty().addListener((obs, old, r) -> showRates(r));
        show(viewModel.selectedProperty().get());
        showRates(viewModel.selectedRatesProperty().get());
    }

    private void showRates(RegionRates r) {
        if (r == null) {
            return;
        }
        commits.setText(r.commits());
        rollbacks.setText(r.rollbacks());
        ratesNote.setText(r.note());
        ratesNote.setManaged(!r.note().isEmpty());
        commits.pseudoClassStateChanged(STALE, r.stale());
        rollbacks.pseudoClassStateChanged(STALE, r.stale());
    }

    private void show(RegionDetails d) {
        content.getChildren().clear();
        if (d == null) {
            var hint = new Label("Select a region on the map or in the list to see its details.");
            hint.setWrapText(true);
            hint.getStyleClass().add("hint");
            content.getChildren().add(hint);
            return;
        }
        var r = d.region();
        var name = new Label(r.displayName());
        name.getStyleClass().add("details-title");
        name.setId("details-title");
        var health = new Label(HealthStyle.glyph(d.health()) + " " + HealthStyle.label(d.health()));
        health.getStyleClass().addAll("details-health", HealthStyle.styleClass(d.health()));

        var facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(4);
        // Live figures first, where the pane opens; in the facts' grid so that they line up with the facts. The
        // rate labels live across selections.
        int row = 0;
        facts.addRow(row++, key("Commits"), commits);
        facts.addRow(row++, key("Rollbacks"), rollbacks);
        facts.add(ratesNote, 0, row++, 2, 1);
        var gap = new Region();
        gap.setMinHeight(8);
        facts.add(gap, 0, row++, 2, 1);
        row = fact(facts, row, "Region id", r.id());
        row = fact(facts, row, "Provider", r.provider());
        row = fact(facts, row, "Role", r.role().label());
        row = fact(facts, row, "Jurisdiction", String.join(", ", r.jurisdictions()));
        row = fact(facts, row, "Tier", r.tier().name());
        var targets = d.tierTargets();
        row = fact(facts, row, "RTO target", targets.map(t -> duration(t.rto())).orElse("not set"));
        row = fact(facts, row, "RPO target", targets.map(t -> duration(t.rpo())).orElse("not set"));
        fact(facts, row, "Location", String.format("%.2f°, %.2f°", r.location().latitude(),
                r.location().longitude()));

        content.getChildren().addAll(name, health, facts, section("Replicas"));
        d.replicasByCluster().forEach((cluster, replicas) -> {
            var clusterLabel = new Label(cluster.displayName() + "  (" + cluster.id() + ")");
            clusterLabel.setWrapText(true);
            clusterLabel.getStyleClass().add("cluster-title");
            content.getChildren().add(clusterLabel);
            for (var replica : replicas) {
                var line = new Label(HealthStyle.glyph(replica.health()) + "  " + replica.id() + "  ·  "
                        + (replica.role() == ReplicaRole.PRIMARY ? "PRIMARY" : "standby") + "  ·  "
                        + HealthStyle.label(replica.health())
                        + (replica.healthDetail().isEmpty() ? "" : ": " + replica.healthDetail()));
                line.setWrapText(true);
                line.getStyleClass().addAll("replica-line", HealthStyle.styleClass(replica.health()));
                content.getChildren().add(line);
            }
        });
        if (!d.crossRegionLinks().isEmpty()) {
            content.getChildren().add(section("Cross-region links"));
            for (var link : d.crossRegionLinks()) {
                var line = new Label(link.sourceReplicaId() + " → " + link.targetReplicaId() + "  ·  "
                        + HealthStyle.label(link.state()) + (link.synchronous() ? "  ·  sync" : ""));
                line.setWrapText(true);
                line.getStyleClass().add("link-line");
                content.getChildren().add(line);
            }
        }
    }

    private static Label section(String title) {
        var label = new Label(title);
        label.getStyleClass().add("details-section");
        return label;
    }

    private static Label key(String label) {
        var key = new Label(label);
        key.getStyleClass().add("fact-key");
        key.setMinWidth(Label.USE_PREF_SIZE);
        return key;
    }

    private static Label rateLabel(String id) {
        var label = new Label();
        label.setId(id);
        label.getStyleClass().addAll("fact-value", "rate-value");
        return label;
    }

    private static int fact(GridPane grid, int row, String label, String value) {
        var key = key(label);
        var val = new Label(value);
        val.getStyleClass().add("fact-value");
        val.setWrapText(true);
        grid.addRow(row, key, val);
        return row + 1;
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s == 0) {
            return "0 (no data loss)";
        }
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return (s / 3600) + " h" + (s % 3600 == 0 ? "" : " " + (s % 3600) / 60 + " min");
    }
}
