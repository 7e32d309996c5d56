package io.meridian.server.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The runbooks Meridian ships (resources beside this class), by name. */
public final class ShippedRunbooks {
    /** The phase-7p monthly DR drill: a regional failure of NA Virginia. */
    public static final String PHASE_7P_MONTHLY = "phase-7p-monthly";
    public static final List<String> NAMES = List.of(PHASE_7P_MONTHLY);

    private ShippedRunbooks() {
    }

    /** The runbook's file text, or empty for a name Meridian does not ship. */
    public static Optional<String> text(String name) {
        if (!NAMES.contains(name)) {
            return Optional.empty();
        }
        try (var in = ShippedRunbooks.class.getResourceAsStream("runbooks/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("the shipped runbook " + name + " is missing from the build");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
