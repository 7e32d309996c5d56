package io.meridian.model.drill;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to start: a type with its target regions and optional figures, or a runbook (a shipped one by name with
 * empty text, or a file's name and text).
 */
public record DrillRequest(DrillType type, List<String> targets, Map<String, String> parameters,
                           String runbookName, String runbookText) {
    public DrillRequest {
        Objects.requireNonNull(type, "type");
        targets = List.copyOf(targets);
        parameters = Map.copyOf(parameters);
        runbookName = runbookName == null ? "" : runbookName;
        runbookText = runbookText == null ? "" : runbookText;
    }

    public static DrillRequest of(DrillType type, String... regions) {
        return new DrillRequest(type, List.of(regions), Map.of(), "", "");
    }

    public static DrillRequest shippedRunbook(String name) {
        return new DrillRequest(DrillType.RUNBOOK, List.of(), Map.of(), name, "");
    }
}
