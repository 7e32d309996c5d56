package io.meridian.console.map;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Sizes of canvas labels, measured with one reusable {@link Text} node and remembered: the map draws hundreds of
 * labels ten times a second, mostly the same strings, and a new Text node per label is what made that slow.
 * FX thread only.
 */
final class TextMeasure {
    private static final int REMEMBERED = 4_096;

    private final Text probe = new Text();
    private final Map<String, Bounds> sizes = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bounds> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** The layout bounds of {@code text} set in {@code font}. */
    Bounds of(String text, Font font) {
        var key = font.getName() + '\u0000' + font.getSize() + '\u0000' + text;
        var known = sizes.get(key);
        if (known == null) {
            probe.setFont(font);
            probe.setText(text);
            known = probe.getLayoutBounds();
            sizes.put(key, known);
        }
        return known;
    }
}
