package io.meridian.server.access;

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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a backend's access file (format in docs/security.md): who may call, with which roles, and the public key
 * each person's signed decisions must verify against. Strict like the scenario loader: no unknown fields, no
 * duplicate keys, no {@code null}, no type coercion; then {@link AccessValidator} lists every problem at once.
 */
public final class AccessFile {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** The file as written: fields are exactly the JSON fields. */
    record Json(Integer schemaVersion, List<Entry> identities) {
    }

    /** One person as written. */
    record Entry(String id, String name, List<String> roles, String signingKey) {
    }

    private AccessFile() {
    }

    /** Loads and validates {@code file}; every failure names the file and each problem in it. */
    public static AccessList load(Path file) throws AccessFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new AccessFileException(file + ": no such file");
        } catch (IOException e) {
            throw new AccessFileException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return parse(file.toString(), bytes);
    }

    /** Loads and validates the bytes of an access file; {@code sourceName} names it in messages. */
    public static AccessList parse(String sourceName, byte[] bytes) throws AccessFileException {
        var nulls = nulls(sourceName, bytes);
        if (!nulls.isEmpty()) {
            throw failure(sourceName, nulls);
        }
        Json json;
        try {
            json = MAPPER.readValue(bytes, Json.class);
        } catch (JacksonException e) {
            throw new AccessFileException(sourceName + ": " + describe(e), e);
        } catch (IOException e) {
            throw new AccessFileException(sourceName + ": cannot be read (" + e.getMessage() + ")", e);
        }
        var validator = new AccessValidator();
        var identities = validator.check(json);
        if (!validator.problems().isEmpty()) {
            throw failure(sourceName, validator.problems());
        }
        return new AccessList(identities);
    }

    private static AccessFileException failure(String sourceName, List<String> problems) {
        return new AccessFileException(sourceName + ": " + (problems.size() == 1 ? problems.getFirst()
                : problems.size() + " problems:\n  - " + String.join("\n  - ", problems)));
    }

    /** Every {@code null} in the file, with its place; a syntax error stops the scan (the binder reports it). */
    private static List<String> nulls(String sourceName, byte[] bytes) throws AccessFileException {
        var problems = new ArrayList<String>();
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NULL) {
                    problems.add(location(parser.currentTokenLocation())
                            + "null is not allowed; leave an optional field out instead");
                }
                if (parser.getParsingContext().inRoot()) {
                    break;
                }
            }
        } catch (JacksonException e) {
            throw new AccessFileException(sourceName + ": " + describe(e), e);
        } catch (IOException e) {
            throw new AccessFileException(sourceName + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (bytes.length == 0 || new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            problems.add("the file is empty; expected a JSON object");
        }
        return problems;
    }

    private static String describe(JacksonException e) {
        var where = location(e.getLocation());
        if (e instanceof UnrecognizedPropertyException u) {
            return where + path(u.getPath().subList(0, u.getPath().size() - 1)) + "unknown field '" + u.getPropertyName() + "' (known fields: "
                    + String.join(", ", u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList())
                    + ")";
        }
        var path = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        var message = e.getOriginalMessage().lines().findFirst().orElse("").strip()
                .replaceAll("`io\\.meridian\\.server\\.access\\.AccessFile\\$?(\\w*)`", "$1")
                .replace("`java.lang.String`", "string").replace("`java.lang.Integer`", "integer");
        return where + path + message;
    }

    private static String location(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
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
}
