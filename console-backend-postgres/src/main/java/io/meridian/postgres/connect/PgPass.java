package io.meridian.postgres.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code .pgpass} file as libpq reads it: {@code host:port:database:user:password} per line, {@code *} matching
 * anything, {@code \:} and {@code \\} escaped, {@code #} starting a comment; the first matching line wins.
 */
final class PgPass {
    private PgPass() {
    }

    static Optional<String> lookup(Path file, String host, int port, String database, String user)
            throws IOException {
        for (var line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var fields = split(line);
            if (fields.size() == 5 && matches(fields.get(0), host) && matches(fields.get(1), Integer.toString(port))
                    && matches(fields.get(2), database) && matches(fields.get(3), user)) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    private static List<String> split(String line) {
        var fields = new ArrayList<String>();
        var current = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }
}
