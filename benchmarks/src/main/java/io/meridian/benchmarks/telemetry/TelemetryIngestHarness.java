package io.meridian.benchmarks.telemetry;

import io.meridian.console.audit.AuditSettings;
import io.meridian.console.map.LandOutlines;
import io.meridian.console.shell.MainWindow;
import io.meridian.console.telemetry.ArcFigure;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.Topology;
import io.meridian.server.scenario.ScenarioTopology;
import io.meridian.sim.ShippedScenarios;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Telemetry ingest into the real console: the nautilus-phase-7 topology plus synthetic links, samples at a fixed
 * rate into the real {@link MainWindow} on the headless JavaFX platform. It measures, per pulse, the time from the
 * first animation timer to the end of layout (the FX thread's work for that frame, and separately the console's own
 * pulse handler within it), and the latency from the moment
 * a batch is made to the pulse whose layout shows it (through a probe link whose lag is the batch number), then the
 * heap after a full collection. Run it as docs/benchmarks.md says; it is never part of the test suite.
 */
public final class TelemetryIngestHarness {
    private TelemetryIngestHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 60);
        int rate = intArg(args, "--rate", 50_000);
        int extraLinks = intArg(args, "--extra-links", 500);
        int soakMinutes = intArg(args, "--soak-minutes", 0);
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));

        var base = ScenarioTopology.initial(ShippedScenarios.load("nautilus-phase-7"), Instant.now());
        var probe = probeLink(base);
        var topology = withExtraLinks(base, probe, extraLinks);
        var generator = new SampleGenerator(topology, probe.id(), rate, 100);
        var backend = new SyntheticBackend(topology, generator);
        var probePair = ArcFigure.pair(probe.sourceRegionId(), probe.targetRegionId());

        var pulseNanos = new long[seconds * 200 + 1000];
        var handlerNanos = new long[seconds * 200 + 1000];
        var latencyNanos = new long[seconds * 200 + 1000];
        var counts = new int[3];
        var measuring = new boolean[1];
        var started = new CountDownLatch(1);
        var land = LandOutlines.shipped();
        Platform.startup(() -> {
            var pulseStart = new long[1];
            var lastProbe = new long[1];
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    pulseStart[0] = System.nanoTime();
                }
            }.start();
            var window = new MainWindow(backend, land, AuditSettings.unpinned(
                    "the synthetic benchmark backend keeps no audit log"), Clock.systemUTC());
            // Timers run in the order they started: this one ends the console's own pulse work.
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (measuring[0] && pulseStart[0] != 0 && counts[2] < handlerNanos.length) {
                        handlerNanos[counts[2]++] = System.nanoTime() - pulseStart[0];
                    }
                }
            }.start();
            var stage = new Stage();
            var scene = window.scene(1000, 1000);
            scene.addPostLayoutPulseListener(() -> {
                long end = System.nanoTime();
                if (!measuring[0] || pulseStart[0] == 0) {
                    return;
                }
                if (counts[0] < pulseNanos.length) {
                    pulseNanos[counts[0]++] = end - pulseStart[0];
                }
                var arc = window.telemetry().arcsProperty().get().get(probePair);
                if (arc != null) {
                    long n = Math.round(arc.lagSeconds() * 1000);
                    var madeAt = generator.madeAt(n);
                    if (n != lastProbe[0] && madeAt != null && counts[1] < latencyNanos.length) {
                        latencyNanos[counts[1]++] = end - madeAt;
                    }
                    lastProbe[0] = n;
                }
                pulseStart[0] = 0;
            });
            stage.setScene(scene);
            stage.show();
            started.countDown();
        });
        started.await();
        TimeUnit.SECONDS.sleep(5);
        measuring[0] = true;
        long from = System.nanoTime();
        TimeUnit.SECONDS.sleep(seconds);
        measuring[0] = false;
        double elapsed = (System.nanoTime() - from) / 1e9;

        System.out.printf("telemetry ingest: %d samples/s offered over %d keys (%d links, %d of them synthetic) "
                        + "for %.0f s%n", rate, keyCount(topology), topology.links().size(), extraLinks + 1, elapsed);
        report("pulse (first timer to end of layout)", pulseNanos, counts[0]);
        report("  of which the console's pulse handler (view-models, nodes)", handlerNanos, counts[2]);
        report("sample-to-scene latency", latencyNanos, counts[1]);
        System.out.printf("pulses: %d (%.1f per second)%n", counts[0], counts[0] / elapsed);
        System.out.printf("heap after the run (after GC): %d MiB%n", heapAfterGc());
        if (soakMinutes > 0) {
            TimeUnit.MINUTES.sleep(soakMinutes);
            System.out.printf("heap after %d more minutes at the same load (after GC): %d MiB%n", soakMinutes,
                    heapAfterGc());
        }
        backend.close();
        Platform.exit();
        System.exit(0);
    }

    private static void report(String what, long[] values, int count) {
        if (count == 0) {
            System.out.printf("%s: no samples%n", what);
            return;
        }
        var sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        System.out.printf("%s: n=%d p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, count,
                sorted[count / 2] / 1e6, sorted[(int) Math.min(count - 1, Math.floor(count * 0.99))] / 1e6,
                sorted[count - 1] / 1e6);
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static int keyCount(Topology t) {
        return t.links().size() + (int) t.clusters().stream().mapToLong(c -> c.replicas().size()).sum()
                + t.regions().size();
    }

    /** A link between two regions that no other link joins in that direction: its arc shows only the probe. */
    private static ReplicationLink probeLink(Topology t) {
        for (var from : t.regions()) {
            for (var to : t.regions()) {
                boolean used = t.links().stream().anyMatch(l -> l.sourceRegionId().equals(from.id())
                        && l.targetRegionId().equals(to.id()));
                if (!from.equals(to) && !used) {
                    var source = replicaIn(t, from.id());
                    var target = replicaIn(t, to.id());
                    return new ReplicationLink("probe:" + source.id() + "->" + target.id(), clusterOf(t, source),
                            source.id(), target.id(), from.id(), to.id(), false, LinkState.STREAMING);
                }
            }
        }
        throw new IllegalStateException("every region pair already has a link");
    }

    private static Topology withExtraLinks(Topology t, ReplicationLink probe, int count) {
        var replicas = t.clusters().stream().flatMap(c -> c.replicas().stream()).toList();
        var links = new ArrayList<>(t.links());
        links.add(probe);
        var random = new SplittableRandom(7);
        while (links.size() < t.links().size() + 1 + count) {
            var source = replicas.get(random.nextInt(replicas.size()));
            var target = replicas.get(random.nextInt(replicas.size()));
            boolean probePair = source.regionId().equals(probe.sourceRegionId())
                    && target.regionId().equals(probe.targetRegionId());
            if (!source.regionId().equals(target.regionId()) && !probePair) {
                links.add(new ReplicationLink("synthetic-" + links.size(), clusterOf(t, source), source.id(),
                        target.id(), source.regionId(), target.regionId(), false, LinkState.STREAMING));
            }
        }
        return new Topology(t.targets(), t.tiers(), t.regions(), t.clusters(), links);
    }

    private static Replica replicaIn(Topology t, String regionId) {
        return t.replicasIn(regionId).values().stream().flatMap(List::stream).findFirst().orElseThrow();
    }

    private static String clusterOf(Topology t, Replica replica) {
        return t.clusters().stream().filter(c -> c.replicas().contains(replica)).findFirst().orElseThrow().id();
    }

    private static int intArg(String[] args, String name, int defaultValue) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return defaultValue;
    }
}
