package io.meridian.console.shell;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose content is built when it is first selected, not with the window: the nodes of a tab nobody has opened
 * yet would only add CSS and layout work to the console's first frame (docs/benchmarks.md, "Installers and
 * start-up"). The header (title, badge) is there from the start.
 */
final class LazyTab {
    private LazyTab() {
    }

    /** Fills {@code tab} with {@code content} the first time it is selected (at once if it already is). */
    static Tab of(Tab tab, Supplier<? extends Node> content) {
        var filled = new Object() {
            boolean done;
        };
        // subscribe() also calls at once with the current value.
        tab.selectedProperty().subscribe(selected -> {
            if (selected && !filled.done) {
                filled.done = true;
                var node = content.get();
                tab.setContent(node);
                // Skins, and with them the keyboard mnemonics, now instead of at the next pulse: keys typed right
                // after the tab opened (Shortcut+Shift+F, then Alt+I) must reach it as when it was built at start.
                node.applyCss();
            }
        });
        return tab;
    }
}
