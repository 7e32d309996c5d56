package io.meridian.server.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads scenario files: Jackson for the syntax (strictly: no duplicate keys, no unknown fields, no {@code null}, no
 * type coercion), {@link ScenarioValidator} for the meaning. Every failure is one {@link ScenarioException} whose
 * message names the source, and the line and column or JSON path of each problem.
 */
public final class ScenarioLoader {
    private static final String FILE_SUFFIX = ".json";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // No "30" for 30, no 1 for true ...
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // ... and no 30 or true for "30" or "true".
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();
    private static final Pattern FOUND =
            Pattern.compile("(?:coerce|from) (String|Integer|Floating-point|Boolean|Array|Object) value");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*)'");
    private static final Map<String, String> FOUND_NAMES = Map.of(
            "String", "a string", "Integer", "an integer", "Floating-point", "a decimal number",
            "Boolean", "true or false", "Array", "an array", "Object", "an object");

    private ScenarioLoader() {
    }

    /**
     * Loads and validates a user's scenario file; every failure names the file. The file must be named after the
     * scenario: {@code foo.json} holds {@code "name": "foo"}.
     */
    public static Scenario load(Path file) throws ScenarioException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        var fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return parse(file.toString(), bytes, fileName);
    }

    /**
     * Loads and validates a scenario from a stream; {@code sourceName} names it in messages. Unlike
     * {@link #load(Path)}, this does not compare the scenario's name with a file name: the caller knows where the
     * stream comes from and checks the name if it needs to.
     */
    public static Scenario load(String sourceName, InputStream in) throws ScenarioException {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ScenarioException(sourceName + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return parse(sourceName, bytes, null);
    }

    /** The scenario name a file must hold: its file name without {@code .json}, or null if it lacks the suffix. */
    static String nameForFile(String fileName) {
        return fileName.endsWith(FILE_SUFFIX) && fileName.length() > FILE_SUFFIX.length()
                ? fileName.substring(0, fileName.length() - FILE_SUFFIX.length())
                : null;
    }

    private static Scenario parse(String sourceName, byte[] bytes, String fileName) throws ScenarioException {
        if (fileName != null && nameForFile(fileName) == null) {
            throw new ScenarioException(sourceName + ": a scenario file must be named <name>.json, after the "
                    + "scenario's \"name\"");
        }
        if (new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new ScenarioException(sourceName + ": the file is empty; expected a JSON object");
        }
        if (notUtf8(bytes)) {
            throw new ScenarioException(sourceName + ": the file is not UTF-8 (it looks like UTF-16 or UTF-32); "
                    + "save it as UTF-8");
        }
        var syntax = checkSyntax(bytes);
        if (!syntax.isEmpty()) {
            throw failure(sourceName, syntax);
        }
        Scenario scenario;
        try {
            scenario = MAPPER.readValue(bytes, Scenario.class);
        } catch (JacksonException e) {
            throw new ScenarioException(sourceName + ": " + describe(e), e);
        } catch (IOException e) {
            throw new ScenarioException(sourceName + ": cannot be read (" + e.getMessage() + ")", e);
        }
        var problems = ScenarioValidator.problems(scenario, fileName == null ? null : nameForFile(fileName));
        if (!problems.isEmpty()) {
            throw failure(sourceName, problems);
        }
        return scenario;
    }

    private static ScenarioException failure(String sourceName, List<String> problems) {
        return new ScenarioException(sourceName + ": " + (problems.size() == 1
                ? problems.getFirst()
                : problems.size() + " problems:\n  - " + String.join("\n  - ", problems)));
    }

    /** A UTF-16 or UTF-32 file starts with a byte-order mark or has a zero byte among its first characters. */
    private static boolean notUtf8(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return true;
        }
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads every token once, before binding: syntax errors and duplicate keys stop at the first (the parser cannot
     * go on), while every {@code null} is reported, so a user fixes them in one pass.
     */
    private static List<String> checkSyntax(byte[] bytes) {
        var problems = new ArrayList<String>();
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            var token = parser.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                return List.of("the file holds only null; expected a JSON object");
            }
            var rootDone = false;
            for (; token != null; token = parser.nextToken()) {
                if (rootDone) {
                    problems.add(location(parser.currentTokenLocation())
                            + "unexpected content after the end of the JSON object");
                    break;
                }
                if (token == JsonToken.VALUE_NULL) {
                    problems.add(location(parser.currentTokenLocation()) + path(parser.getParsingContext())
                            + "null is not allowed; leave an optional field out instead");
                }
                rootDone = parser.getParsingContext().inRoot();
            }
        } catch (StreamReadException e) {
            problems.add(describeSyntax(e));
        } catch (IOException e) {
            problems.add("cannot be read (" + e.getMessage() + ")");
        }
        return problems;
    }

    private static String describeSyntax(StreamReadException e) {
        var where = location(e.getLocation());
        var message = firstLine(e.getOriginalMessage());
        var parser = e.getProcessor() instanceof JsonParser p ? p : null;
        var duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            var in = parser == null ? "" : path(parser.getParsingContext());
            return where + in + "duplicate key '" + duplicate.group(1)
                    + "'; a key may appear only once in an object";
        }
        return where + "not valid JSON: " + message;
    }

    private static String describe(JacksonException e) {
        var where = location(e.getLocation());
        if (e instanceof JsonMappingException m) {
            var path = path(m.getPath());
            if (m instanceof UnrecognizedPropertyException u) {
                var known = u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                        .collect(Collectors.joining(", "));
                return where + path + "unknown field '" + u.getPropertyName() + "' (known fields: " + known + ")";
            }
            if (m instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                var found = FOUND.matcher(m.getOriginalMessage());
                if (found.find()) {
                    return where + path + "expected " + expected(mismatch.getTargetType()) + ", found "
                            + FOUND_NAMES.get(found.group(1));
                }
            }
            return where + path + firstLine(m.getOriginalMessage());
        }
        return where + firstLine(e.getOriginalMessage());
    }

    private static String expected(Class<?> type) {
        if (type == Double.class) {
            return "a number";
        }
        if (type == Integer.class) {
            return "an integer (a number without fraction or exponent)";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    /** The JSON path of the value the parser is at, as the validator writes it: {@code clusters[0].replicas[1]}. */
    private static String path(JsonStreamContext context) {
        var parts = new ArrayList<String>();
        for (var at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.addFirst("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            } else if (at.inObject() && at.getCurrentName() != null) {
                parts.addFirst("." + at.getCurrentName());
            }
        }
        var path = String.join("", parts);
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String path(List<JsonMappingException.Reference> references) {
        var path = new StringBuilder();
        for (var reference : references) {
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
