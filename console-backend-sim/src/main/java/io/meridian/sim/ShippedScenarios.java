package io.meridian.sim;

import io.meridian.server.scenario.Scenario;
import io.meridian.server.scenario.ScenarioException;
import io.meridian.server.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/** The scenarios shipped with Meridian, one per deployment document, and how to pick one or a user's own file. */
public final class ShippedScenarios {
    /** Names in the order of the deployment documents they model. */
    public static final List<String> NAMES =
            List.of("quasim-phase-vii", "hvac-multi-region", "nautilus-phase-7", "sovren", "phase-7p");
    public static final String DEFAULT = "phase-7p";

    private ShippedScenarios() {
    }

    /** Loads a shipped scenario; an unknown name is an error listing the known ones. */
    public static Scenario load(String name) throws ScenarioException {
        if (!NAMES.contains(name)) {
            throw new ScenarioException("unknown scenario '" + name + "'; known scenarios: "
                    + String.join(", ", NAMES) + " (or pass your own file with --scenario-file)");
        }
        var resource = "scenarios/" + name + ".json";
        try (InputStream in = ShippedScenarios.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ScenarioException("shipped scenario " + name + " is missing from this build");
            }
            return ScenarioLoader.load(name + ".json", in);
        } catch (IOException e) {
            throw new ScenarioException("shipped scenario " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A user's file when given, otherwise the named shipped scenario (the default when no name is given). */
    public static Scenario choose(String name, Path file) throws ScenarioException {
        if (file != null && name != null) {
            throw new ScenarioException("give either --scenario or --scenario-file, not both");
        }
        return file != null ? ScenarioLoader.load(file) : load(name == null ? DEFAULT : name);
    }
}
