package io.meridian.model.drill;

import java.time.Duration;
import java.util.Objects;

/**
 * A figure of the drill against its target. {@code measured}, {@code target} and {@code wallMeasured} are null
 * when there is none (not measured yet, no target in the documents, an end not seen on the wall clock).
 */
public record Measure(String name, String subject, Duration measured, Duration target, String targetBasis,
                      MeasureVerdict verdict, Duration wallMeasured, String note) {
    public Measure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** "RTO control-plane", "detection". */
    public String label() {
        return subject.isEmpty() ? name : name + " " + subject;
    }
}
