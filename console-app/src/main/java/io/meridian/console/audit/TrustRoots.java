package io.meridian.console.audit;

import io.meridian.audit.AuditFormatException;
import io.meridian.audit.TrustedKeys;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The keys the auditor trusts, and where they came from: a trusted keys file (docs/audit-format.md section 6) pinned
 * in the console's configuration or named by {@code --trust-roots}, or the keys the console made for its embedded
 * backend. Never keys a backend sent. Without them the auditor view says that verification is impossible, and why.
 *
 * @param keys    the pinned keys, or null when there are none
 * @param source  where they came from, for the auditor view ("~/.config/meridian/trusted-keys.txt")
 * @param problem why there are none (no file, a damaged file), or null when there are
 */
public record TrustRoots(TrustedKeys keys, String source, String problem) {
    /** The most a trusted keys file may be: ten thousand lines of keys. */
    static final long MAX_FILE_BYTES = 2L << 20;

    public TrustRoots {
        if ((keys == null) == (problem == null)) {
            throw new IllegalArgumentException("trust roots have either keys or a problem");
        }
    }

    public static TrustRoots pinned(TrustedKeys keys, String source) {
        return new TrustRoots(keys, source, null);
    }

    public static TrustRoots missing(String problem) {
        return new TrustRoots(null, null, problem);
    }

    /**
     * Reads a trusted keys file.
     *
     * @param howToPin what the message says when the file does not exist, e.g. how to create it
     */
    public static TrustRoots read(Path file, String howToPin) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return missing("the trusted keys file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            // Strict decoding: a damaged file is named as such, not read with replacement characters.
            var text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return pinned(TrustedKeys.parse(text, file.toString()), file.toString());
        } catch (NoSuchFileException e) {
            return missing("no trust roots are pinned: " + file + " does not exist. " + howToPin);
        } catch (CharacterCodingException e) {
            return missing("the trusted keys file " + file + " is not UTF-8 text");
        } catch (AuditFormatException e) {
            return missing("the trusted keys file cannot be used: " + e.getMessage());
        } catch (IOException e) {
            return missing("the trusted keys file " + file + " cannot be read (" + e.getMessage() + ")");
        }
    }

    public Optional<TrustedKeys> trusted() {
        return Optional.ofNullable(keys);
    }

    /** "3 checkpoint keys, 7 region keys from FILE", or the problem. */
    public String describe() {
        if (keys == null) {
            return problem;
        }
        int checkpoint = keys.checkpointKeys().size();
        int regions = keys.regionKeys().size();
        return checkpoint + (checkpoint == 1 ? " checkpoint key, " : " checkpoint keys, ") + regions
                + (regions == 1 ? " region key" : " region keys") + " pinned in " + source;
    }
}
