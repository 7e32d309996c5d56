package io.meridian.console.failover;

import io.meridian.model.failover.PolicyCheck;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A WARN check in the approve dialog, and whether the decider ticked its override. */
public record OverrideRow(PolicyCheck check, BooleanProperty ticked) {
    OverrideRow(PolicyCheck check) {
        this(check, new SimpleBooleanProperty(false));
    }

    /** "Override fencing: old primary unreachable: fence by STONITH". */
    public String text() {
        return "Override " + check.rule() + ": " + check.reason();
    }
}
