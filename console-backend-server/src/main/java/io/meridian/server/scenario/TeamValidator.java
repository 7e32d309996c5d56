package io.meridian.server.scenario;

import io.meridian.model.session.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a scenario's optional demo {@code team}: ids as an access file writes them (so a demo identity could be a
 * certificate CN), a name, and known, distinct roles. Each problem is "JSON path: what is wrong".
 */
final class TeamValidator {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final String ROLE_LABELS =
            Arrays.stream(Role.values()).map(Role::label).collect(Collectors.joining(", "));

    private TeamValidator() {
    }

    static List<String> problems(List<Scenario.TeamMember> team) {
        var problems = new ArrayList<String>();
        if (team == null) {
            return problems;
        }
        if (team.isEmpty()) {
            problems.add("team: empty; leave it out, or list the people a demo may act as");
        }
        var ids = new HashMap<String, Integer>();
        for (int i = 0; i < team.size(); i++) {
            var at = "team[" + i + "]";
            var member = team.get(i);
            if (member.id() == null) {
                problems.add(at + ".id: missing");
            } else if (!ID.matcher(member.id()).matches()) {
                problems.add(at + ".id: '" + member.id() + "' is not an id: 1 to 64 of a-z, 0-9, '.', '_', '-', "
                        + "starting with a letter or digit");
            } else if (ids.putIfAbsent(member.id(), i) != null) {
                problems.add(at + ".id: '" + member.id() + "' is already team[" + ids.get(member.id()) + "]");
            }
            if (member.name() == null || member.name().isBlank() || member.name().length() > 100
                    || member.name().chars().anyMatch(Character::isISOControl)) {
                problems.add(at + ".name: missing, blank or not 1 to 100 characters without control characters");
            }
            roles(at + ".roles", member.roles(), problems);
        }
        return problems;
    }

    private static void roles(String at, List<String> labels, List<String> problems) {
        if (labels == null || labels.isEmpty()) {
            problems.add(at + ": missing or empty; give at least one of " + ROLE_LABELS);
            return;
        }
        var seen = new HashSet<String>();
        for (int j = 0; j < labels.size(); j++) {
            var label = labels.get(j);
            if (Arrays.stream(Role.values()).noneMatch(r -> r.label().equals(label))) {
                problems.add(at + "[" + j + "]: '" + label + "' is not a role; roles are " + ROLE_LABELS);
            } else if (!seen.add(label)) {
                problems.add(at + "[" + j + "]: '" + label + "' is listed twice");
            }
        }
    }
}
