package io.meridian.postgres.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs PostgreSQL's programs as the {@code postgres} user (the server refuses root), failing with their output. */
final class Processes {
    /** The newest PostgreSQL under /usr/lib/postgresql (Debian's layout), or MERIDIAN_PG_BIN. */
    static final Path BIN = bin();

    private Processes() {
    }

    private static Path bin() {
        var configured = System.getenv("MERIDIAN_PG_BIN");
        if (configured != null) {
            return Path.of(configured);
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .max(java.util.Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin")).orElse(Path.of("/usr/lib/postgresql/15/bin"));
        } catch (IOException e) {
            return Path.of("/usr/lib/postgresql/15/bin");
        }
    }

    static String runAsPostgres(Path log, String program, String... args) throws IOException {
        var command = new ArrayList<>(List.of("runuser", "-u", "postgres", "--", BIN.resolve(program).toString()));
        command.addAll(List.of(args));
        return run(log, command);
    }

    static String run(Path log, List<String> command) throws IOException {
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 120 s; log " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + command.getFirst(), e);
        }
        var output = Files.readString(log);
        if (process.exitValue() != 0) {
            var tail = output.length() > 2000 ? output.substring(output.length() - 2000) : output;
            throw new IOException(String.join(" ", command.subList(0, Math.min(5, command.size())))
                    + " exited with " + process.exitValue() + ":\n" + tail);
        }
        return output;
    }
}
