package io.meridian.server.drill;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meridian.api.v1.DrillType;
import io.meridian.server.platform.DrillFault;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a runbook file (JSON, docs/drills.md) strictly: unknown fields, unknown step kinds, faults or outcomes, a
 * missing or misplaced cleanup step, duplicate ids, an expectation before any injection are all refused, each with
 * the file name, the line where the step starts and the step's number and id. Bounded: at most 256 KiB and 100 steps.
 */
final class RunbookParser {
    static final int MAX_CHARS = 256 * 1024;
    static final int MAX_STEPS = 100;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");
    private static final Set<String> TOP = Set.of("runbook", "title", "scenario", "steps");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A parsed runbook: the scenario it was written for, and its plan. */
    record Runbook(String scenario, DrillPlan plan) {}

    private final String file;

    private RunbookParser(String file) {
        this.file = file;
    }

    static Runbook parse(String file, String text) throws RunbookException {
        return new RunbookParser(file).parse(text);
    }

    private Runbook parse(String text) throws RunbookException {
        if (text.length() > MAX_CHARS) {
            throw new RunbookException(file + ": the runbook is larger than " + MAX_CHARS / 1024 + " KiB");
        }
        JsonNode root;
        List<Integer> stepLines;
        try {
            root = JSON.readTree(text);
            stepLines = stepLines(text);
        } catch (JsonProcessingException e) {
            var where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new RunbookException(file + where + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RunbookException(file + ": cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new RunbookException(file + ": a runbook is a JSON object with runbook, title, scenario and steps");
        }
        unknownFields(root, TOP, file);
        var name = text(root, "runbook", file, true);
        if (!ID.matcher(name).matches()) {
            throw new RunbookException(file + ": runbook name '" + name + "' must be lower-case letters, digits and "
                    + "dashes");
        }
        var title = text(root, "title", file, true);
        var scenario = text(root, "scenario", file, true);
        var stepsNode = root.get("steps");
        if (stepsNode == null || !stepsNode.isArray() || stepsNode.isEmpty()) {
            throw new RunbookException(file + ": steps must be a non-empty list");
        }
        if (stepsNode.size() > MAX_STEPS) {
            throw new RunbookException(file + ": more than " + MAX_STEPS + " steps");
        }
        var steps = new ArrayList<PlanStep>();
        var ids = new HashSet<String>();
        var regions = new LinkedHashSet<String>();
        boolean injected = false;
        for (int i = 0; i < stepsNode.size(); i++) {
            var where = file + " line " + stepLines.get(i) + ", step " + (i + 1);
            var node = stepsNode.get(i);
            if (!node.isObject()) {
                throw new RunbookException(where + ": a step is an object with id, kind and title");
            }
            var id = text(node, "id", where, true);
            where += " '" + id + "'";
            if (!ID.matcher(id).matches()) {
                throw new RunbookException(where + ": a step id is lower-case letters, digits and dashes");
            }
            if (!ids.add(id)) {
                throw new RunbookException(where + ": the id is used by an earlier step");
            }
            var step = step(node, id, where);
            if (step instanceof PlanStep.Inject inject) {
                injected = true;
                regions.addAll(regionsOf(inject.fault()));
            }
            if (step instanceof PlanStep.Expect && !injected) {
                throw new RunbookException(where + ": an expect step must follow an inject step");
            }
            if (step instanceof PlanStep.Cleanup && i != stepsNode.size() - 1) {
                throw new RunbookException(where + ": the cleanup step must be the last step");
            }
            steps.add(step);
        }
        if (!(steps.getLast() instanceof PlanStep.Cleanup)) {
            throw new RunbookException(file + ": the last step must be the cleanup step (kind \"cleanup\"), which "
                    + "lifts the drill's faults");
        }
        if (!injected) {
            throw new RunbookException(file + ": the runbook injects nothing: add an inject step");
        }
        return new Runbook(scenario, new DrillPlan(DrillType.DRILL_TYPE_RUNBOOK, title, name,
                List.copyOf(regions), steps));
    }

    private PlanStep step(JsonNode node, String id, String where) throws RunbookException {
        var kind = text(node, "kind", where, true);
        var title = text(node, "title", where, true);
        return switch (kind) {
            case "manual" -> {
                unknownFields(node, Set.of("id", "kind", "title", "instruction", "confirmBy"), where);
                yield new PlanStep.Manual(id, title, text(node, "instruction", where, true),
                        text(node, "confirmBy", where, true));
            }
            case "inject" -> {
                unknownFields(node, Set.of("id", "kind", "title", "fault", "regions", "durationSeconds",
                        "extraLagSeconds", "offsetMicros"), where);
                yield inject(node, id, title, where);
            }
            case "expect" -> {
                unknownFields(node, Set.of("id", "kind", "title", "outcome", "withinSeconds"), where);
                var word = text(node, "outcome", where, true);
                PlanStep.Outcome outcome = null;
                for (var o : PlanStep.Outcome.values()) {
                    if (o.word().equals(word)) {
                        outcome = o;
                    }
                }
                if (outcome == null) {
                    throw new RunbookException(where + ": unknown outcome '" + word + "' (expected one of detected, "
                            + "decided, recovered, consistent)");
                }
                yield new PlanStep.Expect(id, title, outcome, seconds(node, "withinSeconds", where));
            }
            case "cleanup" -> {
                unknownFields(node, Set.of("id", "kind", "title", "instruction"), where);
                yield new PlanStep.Cleanup(id, title, text(node, "instruction", where, true));
            }
            default -> throw new RunbookException(where + ": unknown step kind '" + kind
                    + "' (expected one of manual, inject, expect, cleanup)");
        };
    }

    private PlanStep.Inject inject(JsonNode node, String id, String title, String where) throws RunbookException {
        var fault = text(node, "fault", where, true);
        var regionsNode = node.get("regions");
        var regions = new ArrayList<String>();
        if (regionsNode == null || !regionsNode.isArray()) {
            throw new RunbookException(where + ": regions must be a list of region ids");
        }
        for (var r : regionsNode) {
            if (!r.isTextual() || r.asText().isBlank()) {
                throw new RunbookException(where + ": regions must be a list of region ids");
            }
            regions.add(r.asText());
        }
        int wanted = fault.equals("network-partition") ? 2 : 1;
        if (regions.size() != wanted || regions.stream().distinct().count() != wanted) {
            throw new RunbookException(where + ": a " + fault + " names " + (wanted == 2 ? "two different regions"
                    : "one region") + ", got " + regions.size());
        }
        var lasts = seconds(node, "durationSeconds", where);
        DrillFault declared = switch (fault) {
            case "region-outage" -> new DrillFault.RegionOutage(regions.getFirst());
            case "network-partition" -> new DrillFault.Partition(regions.get(0), regions.get(1));
            case "lag-spike" -> new DrillFault.LagSpike(regions.getFirst(),
                    positive(node, "extraLagSeconds", where));
            case "clock-skew" -> new DrillFault.ClockSkew(regions.getFirst(), positive(node, "offsetMicros", where));
            default -> throw new RunbookException(where + ": unknown fault '" + fault + "' (expected one of "
                    + "region-outage, network-partition, lag-spike, clock-skew)");
        };
        if (!(declared instanceof DrillFault.LagSpike) && node.has("extraLagSeconds")
                || !(declared instanceof DrillFault.ClockSkew) && node.has("offsetMicros")) {
            throw new RunbookException(where + ": extraLagSeconds belongs to a lag-spike and offsetMicros to a "
                    + "clock-skew only");
        }
        if (declared instanceof DrillFault.RegionOutage && lasts != null) {
            throw new RunbookException(where + ": a region outage lasts until the cleanup step; durationSeconds "
                    + "does not apply");
        }
        if (!(declared instanceof DrillFault.RegionOutage) && lasts == null) {
            throw new RunbookException(where + ": a " + fault + " needs durationSeconds (how long it lasts before "
                    + "it is lifted and the platform is expected to heal)");
        }
        return new PlanStep.Inject(id, title, declared, lasts);
    }

    private static List<String> regionsOf(DrillFault fault) {
        return switch (fault) {
            case DrillFault.RegionOutage o -> List.of(o.regionId());
            case DrillFault.Partition p -> List.of(p.regionA(), p.regionB());
            case DrillFault.LagSpike s -> List.of(s.regionId());
            case DrillFault.ClockSkew c -> List.of(c.regionId());
        };
    }

    private static double positive(JsonNode node, String field, String where) throws RunbookException {
        var value = node.get(field);
        if (value == null || !value.isNumber() || !(value.asDouble() > 0) || value.asDouble() > 1e9) {
            throw new RunbookException(where + ": " + field + " must be a positive number");
        }
        return value.asDouble();
    }

    private static Duration seconds(JsonNode node, String field, String where) throws RunbookException {
        var value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || !(value.asDouble() >= 1) || value.asDouble() > 6 * 3600) {
            throw new RunbookException(where + ": " + field + " must be a number of seconds from 1 to 21600");
        }
        return Duration.ofMillis(Math.round(value.asDouble() * 1000));
    }

    private static String text(JsonNode node, String field, String where, boolean required)
            throws RunbookException {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new RunbookException(where + ": " + field + " is missing");
            }
            return "";
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new RunbookException(where + ": " + field + " must be non-empty text");
        }
        if (value.asText().chars().anyMatch(c -> c < 0x20)) {
            throw new RunbookException(where + ": " + field + " must not contain control characters");
        }
        return value.asText();
    }

    private static void unknownFields(JsonNode node, Set<String> allowed, String where) throws RunbookException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            var name = names.next();
            if (!allowed.contains(name)) {
                throw new RunbookException(where + ": unknown field '" + name + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    /** The line on which each element of the top-level "steps" list starts, in order. */
    private static List<Integer> stepLines(String text) throws IOException {
        var lines = new ArrayList<Integer>();
        try (JsonParser p = JSON.getFactory().createParser(text)) {
            int depth = 0;
            boolean inSteps = false;
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> field = depth == 1 ? p.currentName() : field;
                    case START_OBJECT, START_ARRAY -> {
                        if (inSteps && depth == 2) {
                            lines.add(p.currentTokenLocation().getLineNr());
                        }
                        if (t == JsonToken.START_ARRAY && depth == 1 && "steps".equals(field)) {
                            inSteps = true;
                        }
                        depth++;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        if (depth == 1) {
                            inSteps = false;
                        }
                    }
                    default -> {
                        if (inSteps && depth == 2) {
                            lines.add(p.currentTokenLocation().getLineNr());
                        }
                    }
                }
            }
        }
        return lines;
    }
}
