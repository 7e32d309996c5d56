package io.meridian.postgres.platformfile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.meridian.server.scenario.Scenario;
import io.meridian.server.scenario.ScenarioException;
import io.meridian.server.scenario.ScenarioLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a platform file: a scenario file (docs/scenarios.md) with one more top-level object, {@code postgres}
 * (docs/postgres.md). The scenario part goes to the core's {@link ScenarioLoader} with the postgres object blanked
 * out in place, so its messages keep their line and column; the postgres object is read here, as strictly, and
 * checked by {@link SectionValidator}. Every failure is one {@link ScenarioException} naming the file.
 */
public final class PlatformFileLoader {
    static final String SECTION = "postgres";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** The file seen through the postgres object only; the scenario loader owns every other field. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Document(PostgresSection postgres) {}

    private PlatformFileLoader() {
    }

    public static PlatformFile load(Path file) throws ScenarioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read as UTF-8 text (" + e.getMessage() + ")", e);
        }
        var source = file.toString();
        var member = findSection(source, text);
        Scenario scenario = ScenarioLoader.load(source,
                new ByteArrayInputStream(member.blankedText().getBytes(StandardCharsets.UTF_8)));
        var fileName = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!fileName.equals(scenario.name() + ".json")) {
            throw new ScenarioException(source + ": name: the platform file must be named " + scenario.name()
                    + ".json, after its \"name\" (it is named " + fileName + ")");
        }
        PostgresSection section;
        try {
            section = MAPPER.readValue(text, Document.class).postgres();
        } catch (JacksonException e) {
            throw new ScenarioException(source + ": " + describe(e), e);
        }
        var problems = SectionValidator.problems(scenario, section);
        if (!problems.isEmpty()) {
            throw new ScenarioException(source + ": " + (problems.size() == 1 ? problems.getFirst()
                    : problems.size() + " problems:\n  - " + String.join("\n  - ", problems)));
        }
        return new PlatformFile(file, scenario, section);
    }

    /** The text with the postgres member replaced by spaces (newlines kept), so positions elsewhere stay true. */
    private record Member(String blankedText) {}

    private static Member findSection(String source, String text) throws ScenarioException {
        int start = -1;
        int end = -1;
        var nulls = new ArrayList<String>();
        try (JsonParser parser = MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                // Not an object: the scenario loader says precisely what is wrong.
                return new Member(text);
            }
            for (var token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                boolean ours = SECTION.equals(parser.currentName());
                int fieldStart = (int) parser.currentTokenLocation().getCharOffset();
                var value = parser.nextToken();
                if (ours) {
                    start = fieldStart;
                    if (value.isStructStart()) {
                        collectNulls(parser, nulls);
                    } else if (value == JsonToken.VALUE_NULL) {
                        nulls.add(location(parser.currentTokenLocation()) + SECTION + ": null is not allowed");
                    }
                    end = (int) parser.currentLocation().getCharOffset();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JacksonException e) {
            // Broken JSON or a duplicate key: let the scenario loader report it with its usual wording.
            return new Member(text);
        } catch (IOException e) {
            throw new ScenarioException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (start < 0) {
            throw new ScenarioException(source + ": no \"postgres\" object; a platform file is a scenario file "
                    + "with a postgres section that says how to reach each replica (docs/postgres.md)");
        }
        if (!nulls.isEmpty()) {
            throw new ScenarioException(source + ": " + String.join("; ", nulls)
                    + "; leave an optional field out instead");
        }
        return new Member(blank(text, start, end));
    }

    private static void collectNulls(JsonParser parser, List<String> nulls) throws IOException {
        int depth = 1;
        while (depth > 0) {
            var token = parser.nextToken();
            if (token.isStructStart()) {
                depth++;
            } else if (token.isStructEnd()) {
                depth--;
            } else if (token == JsonToken.VALUE_NULL) {
                nulls.add(location(parser.currentTokenLocation()) + path(parser) + "null is not allowed");
            }
        }
    }

    /** Blanks {@code [start, end)} and one comma that separated it from a neighbour. */
    private static String blank(String text, int start, int end) {
        var chars = text.toCharArray();
        for (int i = start; i < end; i++) {
            if (chars[i] != '\n' && chars[i] != '\r') {
                chars[i] = ' ';
            }
        }
        int after = end;
        while (after < chars.length && Character.isWhitespace(chars[after])) {
            after++;
        }
        if (after < chars.length && chars[after] == ',') {
            chars[after] = ' ';
        } else {
            int before = start - 1;
            while (before >= 0 && Character.isWhitespace(chars[before])) {
                before--;
            }
            if (before >= 0 && chars[before] == ',') {
                chars[before] = ' ';
            }
        }
        return new String(chars);
    }

    private static String describe(JacksonException e) {
        var where = location(e.getLocation());
        if (e instanceof JsonMappingException m) {
            var path = m.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining()).replaceFirst("^\\.", "");
            var at = path.isEmpty() ? "" : path + ": ";
            if (m instanceof UnrecognizedPropertyException u) {
                var known = u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                        .collect(Collectors.joining(", "));
                return where + at + "unknown field '" + u.getPropertyName() + "' (known fields: " + known + ")";
            }
            return where + at + firstLine(m.getOriginalMessage());
        }
        return where + firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse(message).strip()
                .replaceAll("`io\\.meridian\\.postgres\\.platformfile\\.PostgresSection\\$?(\\w*)`", "$1")
                .replace("`java.lang.Integer`", "integer").replace("`java.lang.String`", "string");
    }

    private static String path(JsonParser parser) {
        var parts = new ArrayList<String>();
        for (var at = parser.getParsingContext(); at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inArray()) {
                parts.addFirst("[" + Math.max(at.getCurrentIndex(), 0) + "]");
            } else if (at.getCurrentName() != null) {
                parts.addFirst("." + at.getCurrentName());
            }
        }
        return String.join("", parts).replaceFirst("^\\.", "") + ": ";
    }

    private static String location(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }
}
