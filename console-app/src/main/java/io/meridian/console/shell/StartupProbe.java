package io.meridian.console.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.collections.ObservableList;
import javafx.scene.Scene;

/**
 * Measures cold start: the time from JVM start to the first frame that shows the topology, printed to stderr.
 * Enabled by {@code -Dmeridian.startup=report} (or {@code MERIDIAN_STARTUP=report}); {@code exit} also closes the
 * window after that frame, for scripted runs (benchmarks, the AOT cache's training run, the package check).
 * The frame counts as rendered at the second pulse after the one that laid out the first regions: a pulse waits for
 * the previous frame's painting only after its own layout, so the pulse after next is the first that certainly
 * follows the painted frame (this over-states the time by at most one pulse). Phases marked on the way
 * ({@link #mark}) are printed on a second line, to show where a start spends its time.
 */
public final class StartupProbe {
    /** What the probe was asked to do. */
    public enum Mode { OFF, REPORT, EXIT }

    private final Mode mode;
    private final PrintStream out;
    /** Phase names and when they ended ({@link System#nanoTime}), converted only at the report. */
    private final List<Map.Entry<String, Long>> phases = new ArrayList<>();

    StartupProbe(Mode mode, PrintStream out) {
        this.mode = mode;
        this.out = out;
    }

    /** The mode from the system property {@code meridian.startup}, else the variable {@code MERIDIAN_STARTUP}. */
    public static StartupProbe fromEnvironment() {
        var value = System.getProperty("meridian.startup", System.getenv("MERIDIAN_STARTUP"));
        return new StartupProbe(parse(value), System.err);
    }

    static Mode parse(String value) {
        if (value == null || value.isBlank()) {
            return Mode.OFF;
        }
        return switch (value.strip()) {
            case "report" -> Mode.REPORT;
            case "exit" -> Mode.EXIT;
            default -> throw new IllegalArgumentException("meridian.startup (or MERIDIAN_STARTUP) must be 'report' "
                    + "or 'exit', was '" + value + "'");
        };
    }

    /** Notes that {@code phase} is done now; safe from any thread. */
    public void mark(String phase) {
        if (mode == Mode.OFF) {
            return;
        }
        // Not the management beans here: starting them early would shift work into the start being measured.
        long now = System.nanoTime();
        synchronized (phases) {
            phases.add(Map.entry(phase, now));
        }
    }

    /** Watches {@code scene} until {@code topologyRows} is laid out and drawn, then reports (and closes on EXIT). */
    void watch(Scene scene, ObservableList<?> topologyRows, Runnable closeWindow) {
        if (mode == Mode.OFF) {
            return;
        }
        var state = new Object() {
            int pulsesSinceLayout = -1;
            Runnable listener;
        };
        state.listener = () -> {
            if (state.pulsesSinceLayout < 0 && !topologyRows.isEmpty()) {
                state.pulsesSinceLayout = 0;
                mark("topology laid out");
            } else if (state.pulsesSinceLayout >= 0 && ++state.pulsesSinceLayout == 2) {
                // MainWindow's animation timer keeps pulses coming until then.
                scene.removePostLayoutPulseListener(state.listener);
                report();
                if (mode == Mode.EXIT) {
                    closeWindow.run();
                }
            }
        };
        scene.addPostLayoutPulseListener(state.listener);
    }

    private void report() {
        var runtime = ManagementFactory.getRuntimeMXBean();
        var memory = Runtime.getRuntime();
        long now = System.currentTimeMillis();
        long nanos = System.nanoTime();
        long sinceStart = now - runtime.getStartTime();
        // Processor time is what a busy machine does not inflate: wall time there includes waiting for a core.
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        out.printf("meridian: first topology frame %d ms after JVM start (processor time %d ms, resident %s, heap"
                + " used %d MiB, at epoch ms %d)%n", sinceStart, cpu, residentMemory(),
                (memory.totalMemory() - memory.freeMemory()) >> 20, now);
        synchronized (phases) {
            out.println("meridian: start-up phases (ms after JVM start): " + phases.stream()
                    .map(p -> p.getKey() + " " + (sinceStart - (nanos - p.getValue()) / 1_000_000))
                    .collect(Collectors.joining(", ")));
        }
        out.flush();
    }

    /** The process's resident set from Linux's /proc, or "n/a" elsewhere. */
    private static String residentMemory() {
        try (var lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:")).findFirst()
                    .map(line -> (Long.parseLong(line.replaceAll("\\D", "")) >> 10) + " MiB").orElse("n/a");
        } catch (IOException | UncheckedIOException e) {
            return "n/a";
        }
    }
}
