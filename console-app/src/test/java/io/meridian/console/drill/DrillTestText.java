package io.meridian.console.drill;

import java.time.Duration;

/** The drill package's duration wording, for tests outside the package that read reports. */
public final class DrillTestText {
    private DrillTestText() {
    }

    public static String duration(Duration d) {
        return DrillText.duration(d);
    }
}
