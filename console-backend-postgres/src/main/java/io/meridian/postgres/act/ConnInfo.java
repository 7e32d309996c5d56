package io.meridian.postgres.act;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A libpq connection string ({@code primary_conninfo}): {@code key=value} pairs, values optionally in single quotes
 * with backslash escapes. Repointing a standby changes only {@code host} and {@code port}, and keeps the rest
 * (user, password or passfile, TLS settings, application_name) as the operator set it.
 */
final class ConnInfo {
    private ConnInfo() {
    }

    static Map<String, String> parse(String conninfo) {
        var pairs = new LinkedHashMap<String, String>();
        int i = 0;
        int n = conninfo.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(conninfo.charAt(i))) {
                i++;
            }
            int keyStart = i;
            while (i < n && conninfo.charAt(i) != '=' && !Character.isWhitespace(conninfo.charAt(i))) {
                i++;
            }
            if (keyStart == i) {
                break;
            }
            var key = conninfo.substring(keyStart, i);
            while (i < n && (Character.isWhitespace(conninfo.charAt(i)) || conninfo.charAt(i) == '=')) {
                i++;
            }
            var value = new StringBuilder();
            if (i < n && conninfo.charAt(i) == '\'') {
                i++;
                while (i < n && conninfo.charAt(i) != '\'') {
                    if (conninfo.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(conninfo.charAt(i++));
                }
                i++;
            } else {
                while (i < n && !Character.isWhitespace(conninfo.charAt(i))) {
                    if (conninfo.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(conninfo.charAt(i++));
                }
            }
            pairs.put(key, value.toString());
        }
        return pairs;
    }

    static String format(Map<String, String> pairs) {
        var out = new StringBuilder();
        pairs.forEach((key, value) -> {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(key).append("='").append(value.replace("\\", "\\\\").replace("'", "\\'")).append('\'');
        });
        return out.toString();
    }

    /** A SQL string literal of {@code text}, for ALTER SYSTEM, which takes no bind parameters. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
