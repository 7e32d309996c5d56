package io.meridian.server.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads scenario files: Jackson for the syntax, {@link ScenarioValidator} for the meaning. */
public final class ScenarioLoader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private ScenarioLoader() {
    }

    /** Loads and validates a scenario file; every failure names the file. */
    public static Scenario load(Path file) throws ScenarioException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Loads and validates a scenario from a stream; {@code sourceName} names it in messages. */
    public static Scenario load(String sourceName, InputStream in) throws ScenarioException {
        Scenario scenario;
        try {
            scenario = MAPPER.readValue(in, Scenario.class);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(sourceName + ": " + describe(e), e);
        } catch (IOException e) {
            throw new ScenarioException(sourceName + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (scenario == null) {
            throw new ScenarioException(sourceName + ": the file is empty; expected a JSON object");
        }
        var problems = ScenarioValidator.problems(scenario);
        if (!problems.isEmpty()) {
            throw new ScenarioException(sourceName + ": " + (problems.size() == 1
                    ? problems.getFirst()
                    : problems.size() + " problems:\n  - " + String.join("\n  - ", problems)));
        }
        return scenario;
    }

    private static String describe(JsonProcessingException e) {
        var where = location(e.getLocation());
        if (e instanceof JsonParseException) {
            return where + "not valid JSON: " + firstLine(e.getOriginalMessage());
        }
        if (e instanceof JsonMappingException m) {
            var path = path(m);
            if (m instanceof UnrecognizedPropertyException u) {
                var known = u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                        .collect(Collectors.joining(", "));
                return where + path + "unknown field '" + u.getPropertyName() + "' (known fields: " + known + ")";
            }
            return where + path + firstLine(m.getOriginalMessage());
        }
        return where + firstLine(e.getOriginalMessage());
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    private static String path(JsonMappingException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String firstLine(String message) {
        var line = message.lines().findFirst().orElse(message).strip();
        // Jackson names our record classes; users know the JSON field types instead.
        return line.replaceAll("`io\\.meridian\\.server\\.scenario\\.Scenario\\$?(\\w*)`", "$1")
                .replace("`java.lang.Double`", "number").replace("`java.lang.Integer`", "integer")
                .replace("`java.lang.String`", "string").replace("`java.lang.Boolean`", "true or false");
    }
}
