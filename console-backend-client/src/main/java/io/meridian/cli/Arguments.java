package io.meridian.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line options of the form {@code --name value} and {@code --flag}, checked against the options a command
 * knows, so a typo is an error that lists the valid options rather than a silently ignored word.
 */
public final class Arguments {
    private final Map<String, String> values;

    private Arguments(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code args}: {@code withValue} are options that take a value, {@code flags} take none.
     *
     * @throws UsageException naming the offending word and the known options
     */
    public static Arguments parse(List<String> args, Set<String> withValue, Set<String> flags) {
        var values = new HashMap<String, String>();
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            String name = arg;
            String inline = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                inline = arg.substring(equals + 1);
            }
            if (flags.contains(name) && inline == null) {
                values.put(name, "");
            } else if (withValue.contains(name)) {
                if (inline == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    inline = args.get(++i);
                }
                if (values.put(name, inline) != null) {
                    throw new UsageException("option " + name + " is given twice");
                }
            } else {
                var known = new TreeSet<String>(withValue);
                known.addAll(flags);
                throw new UsageException((arg.startsWith("--") ? "unknown option " : "unexpected argument ")
                        + "'" + arg + "'; known options: " + String.join(", ", known));
            }
        }
        return new Arguments(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** An integer option within bounds, or the default when absent. */
    public long longValue(String name, long defaultValue, long min, long max) {
        var raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value < min || value > max) {
                throw new UsageException("option " + name + " must be between " + min + " and " + max
                        + ", was " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " needs a whole number, was '" + raw + "'");
        }
    }

    /** Bad command-line input; the message is for the user as it is. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
