package io.meridian.server.access;

import io.meridian.audit.AuditFormatException;
import io.meridian.audit.Ed25519PublicKey;
import io.meridian.audit.StrictBase64;
import io.meridian.model.session.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a parsed access file against docs/security.md and lists every problem with its JSON path, so an
 * administrator fixes the file in one pass.
 */
final class AccessValidator {
    static final int SCHEMA_VERSION = 1;
    /** What a certificate CN and a demo header may hold: short, lower case, no spaces or separators of a DN. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final String ROLE_LABELS =
            Arrays.stream(Role.values()).map(Role::label).collect(Collectors.joining(", "));

    private final List<String> problems = new ArrayList<>();

    List<String> problems() {
        return problems;
    }

    /** The valid identities of the file; problems() says whether the file as a whole is valid. */
    List<Identity> check(AccessFile.Json json) {
        if (json.schemaVersion() == null) {
            problems.add("schemaVersion: missing; this version reads schemaVersion " + SCHEMA_VERSION);
        } else if (json.schemaVersion() != SCHEMA_VERSION) {
            problems.add("schemaVersion: is " + json.schemaVersion() + "; this version reads only " + SCHEMA_VERSION);
        }
        var identities = new ArrayList<Identity>();
        if (json.identities() == null || json.identities().isEmpty()) {
            problems.add("identities: missing or empty; list at least one person");
            return identities;
        }
        var ids = new HashMap<String, Integer>();
        var keys = new HashMap<String, Integer>();
        for (int i = 0; i < json.identities().size(); i++) {
            var at = "identities[" + i + "]";
            var entry = json.identities().get(i);
            boolean valid = id(at + ".id", entry.id(), ids, i);
            valid &= name(at + ".name", entry.name());
            var roles = roles(at + ".roles", entry.roles());
            valid &= roles != null;
            var key = signingKey(at + ".signingKey", entry.signingKey(), keys, i);
            if (valid && key != null) {
                identities.add(new Identity(entry.id(), entry.name(), roles, key));
            }
        }
        return identities;
    }

    private boolean id(String at, String id, Map<String, Integer> seen, int index) {
        if (id == null) {
            return problem(at, "missing; the id is the CN of the person's client certificate");
        }
        if (!ID.matcher(id).matches()) {
            return problem(at, "'" + id + "' is not an id: 1 to 64 of a-z, 0-9, '.', '_', '-', starting with a "
                    + "letter or digit");
        }
        var first = seen.putIfAbsent(id, index);
        return first == null || problem(at, "'" + id + "' is already identities[" + first + "]");
    }

    /** Checks a display name; shared with the scenario's demo team, which follows the same rules. */
    static String nameProblem(String name) {
        if (name == null) {
            return "missing; give the person's name as the console should show it";
        }
        if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            return "must be 1 to 100 characters without control characters";
        }
        return null;
    }

    private boolean name(String at, String name) {
        var problem = nameProblem(name);
        return problem == null || problem(at, problem);
    }

    private EnumSet<Role> roles(String at, List<String> labels) {
        if (labels == null || labels.isEmpty()) {
            problem(at, "missing or empty; give at least one of " + ROLE_LABELS);
            return null;
        }
        var roles = EnumSet.noneOf(Role.class);
        boolean valid = true;
        for (int j = 0; j < labels.size(); j++) {
            var role = role(labels.get(j));
            if (role == null) {
                valid = problem(at + "[" + j + "]", "'" + labels.get(j) + "' is not a role; roles are " + ROLE_LABELS);
            } else if (!roles.add(role)) {
                valid = problem(at + "[" + j + "]", "'" + labels.get(j) + "' is listed twice");
            }
        }
        return valid ? roles : null;
    }

    /** The role with this label ("incident-commander"), or null. */
    static Role role(String label) {
        return Arrays.stream(Role.values()).filter(r -> r.label().equals(label)).findFirst().orElse(null);
    }

    private Ed25519PublicKey signingKey(String at, String text, Map<String, Integer> seen, int index) {
        if (text == null) {
            problem(at, "missing; give the person's Ed25519 public key, base64 of its 32 bytes");
            return null;
        }
        try {
            var key = Ed25519PublicKey.of(StrictBase64.decode(text, at), at);
            var first = seen.putIfAbsent(key.base64(), index);
            if (first != null) {
                // One key for two people would make a signed decision prove nothing about who made it.
                problem(at, "the same key as identities[" + first + "]; every person needs their own key");
                return null;
            }
            return key;
        } catch (AuditFormatException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private boolean problem(String at, String problem) {
        problems.add(at + ": " + problem);
        return false;
    }
}
