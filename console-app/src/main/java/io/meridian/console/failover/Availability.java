package io.meridian.console.failover;

import java.util.Objects;

/** Whether a command may be used now and, when not, why, in words for its tooltip and the line beside it. */
record Availability(boolean allowed, String why) {
    static final Availability ALLOWED = new Availability(true, "");

    Availability {
        Objects.requireNonNull(why, "why");
    }

    static Availability refused(String why) {
        return new Availability(false, why);
    }
}
