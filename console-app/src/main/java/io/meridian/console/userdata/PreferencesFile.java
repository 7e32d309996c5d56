package io.meridian.console.userdata;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The preferences file, {@code preferences.json} in the configuration directory. A damaged file never stops the
 * console: it is moved aside with a time stamp (kept for the user to inspect), defaults are used, and
 * {@link Loaded#notice()} says so.
 */
public final class PreferencesFile {
    public static final String NAME = "preferences.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path path;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public PreferencesFile(Path configDirectory, Clock clock) {
        this.path = configDirectory.resolve(NAME);
        this.clock = clock;
    }

    public Path path() {
        return path;
    }

    /** The preferences read, and what the user must be told about them, if anything. */
    public record Loaded(Preferences preferences, Optional<String> notice) {
    }

    /** Reads the file; a missing file gives the defaults silently, a damaged one the defaults and a notice. */
    public Loaded load() {
        byte[] content;
        try {
            content = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return new Loaded(Preferences.DEFAULTS, Optional.empty());
        } catch (IOException e) {
            return new Loaded(Preferences.DEFAULTS, Optional.of("cannot read the preferences file " + path + " ("
                    + PrivateFiles.reason(e) + "); starting with default preferences"));
        }
        try {
            var preferences = mapper.readValue(content, Preferences.class);
            return new Loaded(preferences == null ? Preferences.DEFAULTS : preferences, Optional.empty());
        } catch (JacksonException e) {
            return new Loaded(Preferences.DEFAULTS, Optional.of(backUp(firstLine(e.getOriginalMessage()))));
        } catch (IOException e) {
            return new Loaded(Preferences.DEFAULTS, Optional.of(backUp(PrivateFiles.reason(e))));
        }
    }

    /** Writes the preferences in one step, owner-only. */
    public void save(Preferences preferences) throws UserDataException {
        try {
            PrivateFiles.write(path, mapper.writeValueAsBytes(preferences));
        } catch (IOException e) {
            throw new UserDataException("cannot save the preferences file " + path + " (" + PrivateFiles.reason(e)
                    + ")", e);
        }
    }

    private String backUp(String reason) {
        var backup = path.resolveSibling(NAME + ".corrupt-" + STAMP.format(clock.instant()));
        try {
            Files.move(path, backup, StandardCopyOption.REPLACE_EXISTING);
            return "the preferences file " + path + " is damaged (" + reason + "); kept it as " + backup
                    + " and started with default preferences";
        } catch (IOException e) {
            return "the preferences file " + path + " is damaged (" + reason + ") and could not be moved aside ("
                    + PrivateFiles.reason(e) + "); started with default preferences";
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "not valid JSON";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
