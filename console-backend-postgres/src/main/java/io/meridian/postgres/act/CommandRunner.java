package io.meridian.postgres.act;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an operator's configured command (fencing, rejoin) without a shell: the program and its arguments as the
 * platform file lists them, placeholders replaced. Its output is kept for the message when it fails.
 */
final class CommandRunner {
    /** How a command ended: its exit status and the end of its output. */
    record Outcome(int exitCode, String outputTail) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private CommandRunner() {
    }

    static List<String> expand(List<String> template, Map<String, String> values) {
        return template.stream().map(arg -> {
            var expanded = arg;
            for (var entry : values.entrySet()) {
                expanded = expanded.replace(entry.getKey(), entry.getValue());
            }
            return expanded;
        }).toList();
    }

    static Outcome run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new java.io.ByteArrayOutputStream();
        // Read while it runs, so that a talkative command never blocks on a full pipe.
        var reader = Thread.ofVirtual().start(() -> {
            try (var in = process.getInputStream()) {
                in.transferTo(output);
            } catch (IOException e) {
                // The process ended or was killed; what was read so far is what there is.
            }
        });
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            reader.join(1000);
            return new Outcome(-1, "did not finish within " + timeout.toSeconds() + " s");
        }
        reader.join(5000);
        var text = output.toString(StandardCharsets.UTF_8).strip();
        return new Outcome(process.exitValue(), text.length() > 400 ? "…" + text.substring(text.length() - 400)
                : text);
    }
}
