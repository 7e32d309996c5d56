package io.meridian.console.shell;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The application icon at the sizes rendered from {@code assets/icons/meridian.svg}, for the window's title bar,
 * task switcher and the About box; the window manager picks the size it needs.
 */
public final class AppIcons {
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    /** Every rendered size, smallest first. */
    public static List<Image> all() {
        var images = new ArrayList<Image>();
        for (int size : SIZES) {
            images.add(load(size));
        }
        return images;
    }

    /** The icon at {@code size} pixels, one of {@link #SIZES}. */
    public static Image load(int size) {
        var name = "/io/meridian/console/icons/meridian-" + size + ".png";
        InputStream in = AppIcons.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("icon " + name + " is missing from the console's resources; "
                    + "assets/icons/render.sh renders it");
        }
        return new Image(in);
    }
}
