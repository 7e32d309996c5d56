package io.meridian.console.failover;

import io.meridian.client.Backend;
import io.meridian.client.DecisionSigner;
import io.meridian.client.ProposalWatch;
import io.meridian.console.tasks.Background;
import io.meridian.model.topology.Topology;
import java.time.Clock;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;

/**
 * The failover screen as the main window uses it: the proposal watch feeding its store, the view-model, the pane,
 * and a tab whose title counts the open proposals (a badge visible from every view). The watch and the badge start
 * with the window; the pane is built when first asked for ({@link #pane}), so that a start does not pay for it
 * before anyone opens the tab. The window's pulse calls {@link #pulse}; {@link #close} stops the watch.
 */
public final class FailoverScreen implements AutoCloseable {
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");

    private final ProposalWatch watch;
    private final FailoverViewModel viewModel;
    private final Tab tab;
    private FailoverPane pane;

    public FailoverScreen(Backend backend, ObservableValue<Topology> topology, LiveLag liveLag, Background background,
                          Clock clock) {
        var store = new ProposalStore(clock);
        var client = backend.failover();
        viewModel = new FailoverViewModel(client, backend.identities(), store, background, new DecisionSigner(clock),
                topology, liveLag);
        watch = client.watch(store);
        tab = new Tab("Failover");
        tab.setId("failover-tab");
        tab.setClosable(false);
        var badge = new Label();
        badge.setId("failover-badge");
        badge.getStyleClass().add("failover-badge");
        badge.textProperty().bind(Bindings.createStringBinding(() -> viewModel.openCountProperty().get() == 0
                ? "0" : viewModel.openCountProperty().get() + " OPEN", viewModel.openCountProperty()));
        viewModel.openCountProperty().addListener((obs, old, count) -> badge.pseudoClassStateChanged(
                OPEN, count.intValue() > 0));
        tab.setGraphic(badge);
        // The badge lives in the tab header, outside the pane: the header's tab pane needs the screen's stylesheet.
        tab.tabPaneProperty().addListener((obs, old, tabs) -> {
            if (tabs != null && !tabs.getStylesheets().contains(FailoverPane.STYLESHEET)) {
                tabs.getStylesheets().add(FailoverPane.STYLESHEET);
            }
        });
    }

    /** The tab, without content until the window puts {@link #pane} in it. */
    public Tab tab() {
        return tab;
    }

    /** The screen's pane, built on the first call; FX thread. */
    public FailoverPane pane() {
        if (pane == null) {
            pane = new FailoverPane(viewModel);
        }
        return pane;
    }

    public FailoverViewModel viewModel() {
        return viewModel;
    }

    /** Shows the screen's queue with the keyboard in it. */
    public void focus() {
        tab.getTabPane().getSelectionModel().select(tab);
        pane().focusQueue();
    }

    /** Once per frame, on the FX thread. */
    public void pulse(Instant now) {
        viewModel.pulse(now);
    }

    @Override
    public void close() {
        watch.close();
    }
}
