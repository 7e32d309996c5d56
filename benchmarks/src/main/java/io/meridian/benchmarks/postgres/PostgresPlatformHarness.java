package io.meridian.benchmarks.postgres;

import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.failover.FailoverKind;
import io.meridian.model.telemetry.TelemetrySample;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.Replica;
import io.meridian.model.topology.ReplicationLink;
import io.meridian.model.topology.Topology;
import io.meridian.model.topology.TopologyDelta;
import io.meridian.postgres.PostgresPlatform;
import io.meridian.postgres.platformfile.PlatformFileLoader;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PlatformObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Measures the PostgreSQL platform on the quick start's three servers (scripts/postgres-demo.sh, default settings:
 * a probe a second, lost after three missed): detection time of a killed primary over N trials, agreement of the
 * displayed lag with pg_stat_replication under a write load, and what monitoring costs the servers. Run as root
 * (docs/benchmarks.md); it starts and deletes its own servers in the folder it is given.
 */
public final class PostgresPlatformHarness {
    private static final Path SCRIPT = Path.of("scripts", "postgres-demo.sh");

    private PostgresPlatformHarness() {
    }

    public static void main(String[] args) throws Exception {
        var dir = Path.of(args.length > 0 ? args[0] : "/tmp/meridian-pg-bench");
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        var parts = args.length > 2 ? List.of(args[2].split(",")) : List.of("cost", "lag", "detection", "switchover");
        var env = Map.of("MERIDIAN_PG_DEMO_PORT", "26432");
        script(env, "clean", dir.toString());
        script(env, "start", "--servers-only", dir.toString());
        boolean done = false;
        try {
            var file = PlatformFileLoader.load(dir.resolve("pg-demo.json"));
            var passwords = passwords(dir.resolve("pgpass"));
            try (var platform = new PostgresPlatform(file, Map.of(), Clock.systemUTC())) {
                var observer = new Observer(platform.topology());
                platform.start(observer);
                observer.await(o -> o.health("fra1") == Health.HEALTHY && o.state("fra1->sto1") == LinkState.STREAMING,
                        60);
                var primary = file.server("fra1");
                var ports = file.postgres().servers().stream().map(s -> s.port()).toList();
                if (parts.contains("cost")) {
                    monitoringCost(ports, passwords);
                }
                if (parts.contains("lag")) {
                    lagAgreement(observer, primary.port(), passwords);
                }
                if (parts.contains("detection")) {
                    detection(observer, dir, primary.port(), trials);
                }
                if (parts.contains("switchover")) {
                    switchovers(platform, observer, ports, passwords, trials);
                }
            }
            done = true;
        } finally {
            // A failed run leaves the servers' folder (logs) for a look; the next run cleans it first.
            script(env, done ? "clean" : "stop", dir.toString());
        }
    }

    /** Displayed lag of fra1->sto1 against pg_stat_replication on the primary, once a second for 60 s under load. */
    private static void lagAgreement(Observer observer, int primaryPort, Map<String, String> passwords)
            throws Exception {
        var running = new AtomicBoolean(true);
        var writer = Thread.ofPlatform().start(() -> write(primaryPort, passwords, running));
        var timeDiffs = new ArrayList<Double>();
        var byteDiffs = new ArrayList<Double>();
        double maxLag = 0;
        try (var c = connect(primaryPort, "meridian_monitor", passwords)) {
            for (int i = 0; i < 60; i++) {
                Thread.sleep(1000);
                var shown = observer.lag("fra1->sto1");
                try (var rs = c.createStatement().executeQuery("select (pg_current_wal_lsn() - replay_lsn)::bigint, "
                        + "coalesce(extract(epoch from replay_lag), 0) from pg_stat_replication "
                        + "where application_name = 'sto1'")) {
                    if (!rs.next() || shown == null) {
                        continue;
                    }
                    byteDiffs.add((double) Math.abs(shown.lagBytes() - rs.getLong(1)));
                    timeDiffs.add(Math.abs(shown.lagSeconds() - rs.getDouble(2)));
                    maxLag = Math.max(maxLag, rs.getDouble(2));
                }
            }
        } finally {
            running.set(false);
            writer.join();
        }
        System.out.printf(Locale.ROOT, "lag agreement, %d samples under load (max replay_lag %.3f s): |time diff| "
                        + "%s s; |byte diff| %s bytes%n", timeDiffs.size(), maxLag, summary(timeDiffs),
                summary(byteDiffs));
    }

    /** The monitor user's own statements on every server over 60 s: calls and execution time per second. */
    private static void monitoringCost(List<Integer> ports, Map<String, String> passwords) throws Exception {
        var before = new HashMap<Integer, double[]>();
        for (int port : ports) {
            before.put(port, monitorTotals(port, passwords));
        }
        Thread.sleep(60_000);
        double calls = 0;
        double millis = 0;
        for (int port : ports) {
            var after = monitorTotals(port, passwords);
            calls += after[0] - before.get(port)[0];
            millis += after[1] - before.get(port)[1];
        }
        System.out.printf(Locale.ROOT, "monitoring cost, %d servers, 60 s at 1 Hz: %.1f statements/s and %.2f ms of "
                + "execution per second in total (%.3f%% of one core)%n", ports.size(), calls / 60, millis / 60,
                millis / 60 / 10);
    }

    private static double[] monitorTotals(int port, Map<String, String> passwords) throws SQLException {
        try (var c = connect(port, "meridian_action", passwords); var rs = c.createStatement().executeQuery(
                "select coalesce(sum(calls), 0), coalesce(sum(total_exec_time), 0) from pg_stat_statements s "
                        + "join pg_roles r on r.oid = s.userid where r.rolname = 'meridian_monitor'")) {
            rs.next();
            return new double[] {rs.getDouble(1), rs.getDouble(2)};
        }
    }

    /**
     * Planned switchovers back and forth between fra1 and dub1 (the old primary rejoins through the demo's pg_rewind
     * command), a writer committing with remote_apply throughout: the phases' duration, the longest pause in
     * acknowledged writes, the reported loss, and every acknowledged write present at the end.
     */
    private static void switchovers(PostgresPlatform platform, Observer observer, List<Integer> ports,
                                    Map<String, String> passwords, int trials) throws Exception {
        var writer = new Writer(ports, passwords);
        var thread = Thread.ofPlatform().start(writer);
        var phases = new ArrayList<Double>();
        var pauses = new ArrayList<Double>();
        var lost = new ArrayList<Double>();
        for (int i = 0; i < trials; i++) {
            var from = i % 2 == 0 ? "fra1" : "dub1";
            var to = i % 2 == 0 ? "dub1" : "fra1";
            writer.longestPauseNanos.set(0);
            var plan = new FailoverPlan("bench-" + i, "orders", from, to, FailoverKind.PLANNED_SWITCHOVER, false);
            long start = System.nanoTime();
            for (var phase : ExecutionPhase.values()) {
                var result = platform.execute(phase, plan);
                if (phase == ExecutionPhase.PROMOTE) {
                    lost.add((double) result.lostBytes());
                }
            }
            phases.add((System.nanoTime() - start) / 1e9);
            observer.await(o -> o.health(from) == Health.HEALTHY && o.state(to + "->" + from) == LinkState.STREAMING
                    && o.state(to + "->sto1") == LinkState.STREAMING, 120);
            Thread.sleep(500);
            pauses.add(writer.longestPauseNanos.get() / 1e9);
        }
        writer.running.set(false);
        thread.join();
        long missing;
        try (var c = connect(ports.getFirst(), "meridian_action", passwords)) {
            var present = new java.util.HashSet<Long>();
            try (var rs = c.createStatement().executeQuery("select id from demo_orders")) {
                while (rs.next()) {
                    present.add(rs.getLong(1));
                }
            }
            missing = writer.acknowledged.stream().filter(id -> !present.contains(id)).count();
        }
        System.out.printf(Locale.ROOT, "planned switchover, %d trials: phases FENCE..CHECK_CONSISTENCY %s s; longest "
                        + "pause in acknowledged remote_apply writes %s s; reported loss %s bytes; %d writes "
                        + "acknowledged, %d missing afterwards%n", trials, summary(phases), summary(pauses),
                summary(lost), writer.acknowledged.size(), missing);
    }

    /** Commits one row at a time to whichever server is the writable primary; remembers what was acknowledged. */
    private static final class Writer implements Runnable {
        final java.util.Set<Long> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final AtomicBoolean running = new AtomicBoolean(true);
        final java.util.concurrent.atomic.AtomicLong longestPauseNanos = new java.util.concurrent.atomic.AtomicLong();
        private final String url;
        private final Properties props = new Properties();

        Writer(List<Integer> ports, Map<String, String> passwords) {
            url = "jdbc:postgresql://" + String.join(",", ports.stream().map(p -> "127.0.0.1:" + p).toList())
                    + "/postgres";
            props.setProperty("user", "meridian_action");
            props.setProperty("password", passwords.get("meridian_action"));
            props.setProperty("targetServerType", "primary");
            props.setProperty("connectTimeout", "2");
            props.setProperty("options", "-c synchronous_commit=remote_apply");
        }

        @Override
        public void run() {
            long last = System.nanoTime();
            Connection c = null;
            while (running.get()) {
                try {
                    if (c == null) {
                        c = DriverManager.getConnection(url, props);
                    }
                    try (var rs = c.createStatement().executeQuery(
                            "insert into demo_orders (placed_at) values (now()) returning id")) {
                        rs.next();
                        acknowledged.add(rs.getLong(1));
                    }
                    long now = System.nanoTime();
                    longestPauseNanos.accumulateAndGet(now - last, Math::max);
                    last = now;
                } catch (SQLException e) {
                    try {
                        if (c != null) {
                            c.close();
                        }
                    } catch (SQLException ignored) {
                        // Broken already.
                    }
                    c = null;
                    // No primary takes writes for a moment (fenced, promoting): do not spin.
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e2) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /** kill -9 of the primary, time until the platform reports it FAILED; restarted between trials. */
    private static void detection(Observer observer, Path dir, int primaryPort, int trials) throws Exception {
        var times = new ArrayList<Double>();
        for (int i = 0; i < trials; i++) {
            long pid = Long.parseLong(Files.readAllLines(dir.resolve("fra1/postmaster.pid")).getFirst().strip());
            var postmaster = ProcessHandle.of(pid).orElseThrow();
            var children = postmaster.descendants().toList();
            long killed = System.nanoTime();
            postmaster.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            observer.await(o -> o.health("fra1") == Health.FAILED, 60);
            times.add((System.nanoTime() - killed) / 1e9);
            run(List.of("runuser", "-u", "postgres", "--", pgCtl(), "-D", dir.resolve("fra1").toString(), "-l",
                    dir.resolve("fra1.log").toString(), "-w", "start"));
            observer.await(o -> o.health("fra1") == Health.HEALTHY && o.state("fra1->dub1") == LinkState.STREAMING
                    && o.state("fra1->sto1") == LinkState.STREAMING, 120);
        }
        System.out.printf(Locale.ROOT, "detection of a killed primary, %d trials: %s s%n", trials, summary(times));
    }

    private static String pgCtl() throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pg_ctl")).filter(Files::isExecutable).map(Path::toString)
                    .sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    private static void write(int port, Map<String, String> passwords, AtomicBoolean running) {
        try (var c = connect(port, "meridian_action", passwords);
             var st = c.prepareStatement("insert into demo_orders (placed_at) select now() from generate_series(1, 50)")) {
            while (running.get()) {
                st.executeUpdate();
            }
        } catch (SQLException e) {
            System.err.println("writer stopped: " + e.getMessage());
        }
    }

    private static String summary(List<Double> values) {
        if (values.isEmpty()) {
            return "no samples";
        }
        var sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return String.format(Locale.ROOT, "min %.3f, p50 %.3f, p99 %.3f, max %.3f", sorted[0], at(sorted, 0.5),
                at(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static Connection connect(int port, String user, Map<String, String> passwords) throws SQLException {
        var props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", passwords.get(user));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
    }

    /** The demo's pgpass lines: 127.0.0.1:*:postgres:USER:PASSWORD. */
    private static Map<String, String> passwords(Path pgpass) throws IOException {
        var passwords = new HashMap<String, String>();
        for (var line : Files.readAllLines(pgpass)) {
            var fields = line.split(":", 5);
            passwords.put(fields[3], fields[4]);
        }
        return passwords;
    }

    private static void script(Map<String, String> env, String... args) throws Exception {
        var command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(Arrays.asList(args));
        var builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(env);
        if (builder.start().waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    private static void run(List<String> command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    /** The reported topology and latest samples, with a wait for a condition. */
    private static final class Observer implements PlatformObserver {
        private Topology topology;
        private final Map<String, TelemetrySample> latest = new HashMap<>();

        Observer(Topology initial) {
            this.topology = initial;
        }

        @Override
        public synchronized void topologyChanged(TopologyDelta delta) {
            topology = topology.apply(delta);
            notifyAll();
        }

        @Override
        public synchronized void measured(List<TelemetrySample> samples) {
            samples.forEach(s -> latest.put(s.key(), s));
            notifyAll();
        }

        @Override
        public void workload(String regionId, double[] values) {
        }

        synchronized TelemetrySample.LinkLag lag(String link) {
            return (TelemetrySample.LinkLag) latest.get(TelemetrySample.LinkLag.keyOf(link));
        }

        synchronized Health health(String replica) {
            return topology.clusters().stream().flatMap(c -> c.replicas().stream())
                    .filter(r -> r.id().equals(replica)).map(Replica::health).findFirst().orElse(Health.UNKNOWN);
        }

        synchronized LinkState state(String link) {
            return topology.links().stream().filter(l -> l.id().equals(link)).map(ReplicationLink::state)
                    .findFirst().orElse(LinkState.DISCONNECTED);
        }

        synchronized void await(Predicate<Observer> condition, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (!condition.test(this)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("timed out; topology " + topology.clusters());
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
