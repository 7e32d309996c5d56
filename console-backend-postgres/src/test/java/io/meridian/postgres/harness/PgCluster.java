package io.meridian.postgres.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Real PostgreSQL 15 servers on loopback for one test class: a primary and streaming standbys made with
 * {@code pg_basebackup -R -C -S}, each with its own replication slot and {@code application_name}, in a fresh
 * temporary folder on free ports. The servers run as the {@code postgres} user. {@link #close()} stops them
 * (immediately) and deletes the folder; a JVM shutdown hook does the same if the test run is cut short.
 */
public final class PgCluster implements AutoCloseable {
    public static final String SUPERUSER_PASSWORD = "harness-postgres";
    public static final String MONITOR_USER = "meridian_monitor";
    public static final String MONITOR_PASSWORD = "harness-monitor";
    public static final String ACTION_USER = "meridian_action";
    public static final String ACTION_PASSWORD = "harness-action";
    public static final String REPLICATION_USER = "replicator";
    public static final String REPLICATION_PASSWORD = "harness-replicator";

    /** One server: its replica id (also its application_name and, with _ for -, its slot), port and folder. */
    public record Node(String name, int port, Path dataDir) {
        public String slot() {
            return name.replace('-', '_');
        }
    }

    private final Path base;
    private final List<Node> nodes = new ArrayList<>();
    private final Thread cleanup = new Thread(this::destroy, "pg-harness-cleanup");
    private boolean closed;

    private PgCluster(Path base) {
        this.base = base;
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Starts {@code names[0]} as primary and the others as its standbys. {@code syncStandby} (or null) is made the
     * synchronous standby on every server, so that it stays so after a switchover.
     */
    public static PgCluster start(String syncStandby, String... names) throws IOException {
        var base = Files.createTempDirectory("meridian-pg-");
        var cluster = new PgCluster(base);
        try {
            Processes.run(base.resolve("harness.log"), List.of("chown", "postgres:postgres", base.toString()));
            cluster.startPrimary(names[0], syncStandby, List.of(names));
            for (int i = 1; i < names.length; i++) {
                cluster.startStandby(names[i], cluster.nodes.getFirst());
            }
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void startPrimary(String name, String syncStandby, List<String> all) throws IOException {
        var node = new Node(name, freePort(), base.resolve(name));
        var pwfile = base.resolve("superuser.pw");
        Files.writeString(pwfile, SUPERUSER_PASSWORD + "\n");
        Processes.run(log(), List.of("chown", "postgres:postgres", pwfile.toString()));
        Processes.runAsPostgres(log(), "initdb", "-D", node.dataDir().toString(), "-U", "postgres",
                "--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + pwfile, "-E", "UTF8", "--no-sync");
        var conf = """
                listen_addresses = '127.0.0.1,127.0.0.2'
                unix_socket_directories = '%s'
                wal_level = replica
                max_wal_senders = 10
                max_replication_slots = 10
                hot_standby = on
                wal_log_hints = on
                fsync = off
                full_page_writes = on
                shared_buffers = 32MB
                shared_preload_libraries = 'pg_stat_statements'
                wal_receiver_status_interval = 1s
                log_min_messages = warning
                """.formatted(base);
        if (syncStandby != null) {
            conf += "synchronous_standby_names = 'FIRST 1 (" + String.join(", ", all.stream()
                    .map(n -> "\"" + n + "\"").toList()) + ")'\n";
        }
        Files.writeString(node.dataDir().resolve("postgresql.conf"), conf + "port = " + node.port() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        // A second loopback address lets one server stand for two in a platform file (two host:port pairs).
        Files.writeString(node.dataDir().resolve("pg_hba.conf"), "host all all 127.0.0.2/32 scram-sha-256\n",
                java.nio.file.StandardOpenOption.APPEND);
        nodes.add(node);
        start(node);
        try (var c = superuser(node)) {
            // Before any standby exists, so that no commit waits for one.
            c.setAutoCommit(true);
            try (var st = c.createStatement()) {
                st.execute("set synchronous_commit = local");
                st.execute("create role " + MONITOR_USER + " login password '" + MONITOR_PASSWORD
                        + "' in role pg_monitor");
                st.execute("create role " + ACTION_USER + " superuser login password '" + ACTION_PASSWORD + "'");
                st.execute("create role " + REPLICATION_USER + " replication login password '"
                        + REPLICATION_PASSWORD + "'");
                st.execute("create extension pg_stat_statements");
                st.execute("create table harness_writes (id bigint primary key, written_at timestamptz)");
            }
        } catch (SQLException e) {
            throw new IOException("setting up " + name + ": " + e.getMessage(), e);
        }
    }

    private void startStandby(String name, Node upstream) throws IOException {
        var node = new Node(name, freePort(), base.resolve(name));
        Processes.runAsPostgres(log(), "pg_basebackup", "-D", node.dataDir().toString(), "-d",
                "host=127.0.0.1 port=" + upstream.port() + " user=" + REPLICATION_USER + " password="
                        + REPLICATION_PASSWORD + " application_name=" + name,
                "-R", "-X", "stream", "-C", "-S", node.slot(), "--no-sync");
        Files.writeString(node.dataDir().resolve("postgresql.conf"), "port = " + node.port() + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        nodes.add(node);
        start(node);
    }

    public void start(Node node) throws IOException {
        Processes.runAsPostgres(log(), "pg_ctl", "-D", node.dataDir().toString(), "-l",
                base.resolve(node.name() + ".log").toString(), "-w", "-t", "60", "start");
    }

    /**
     * Restarts {@code node} with TLS on ({@code ssl = on}), presenting {@code certificate} with {@code key}; clients
     * may still connect in plain text, which the platform file's tlsMode decides.
     */
    public void enableTls(Node node, Path certificate, Path key) throws IOException {
        var serverCertificate = node.dataDir().resolve("server.crt");
        var serverKey = node.dataDir().resolve("server.key");
        Files.copy(certificate, serverCertificate, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(key, serverKey, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Processes.run(log(), List.of("chown", "postgres:postgres", serverCertificate.toString(),
                serverKey.toString()));
        // PostgreSQL refuses a key that others can read.
        Processes.run(log(), List.of("chmod", "600", serverKey.toString()));
        Files.writeString(node.dataDir().resolve("postgresql.conf"), "ssl = on\n",
                java.nio.file.StandardOpenOption.APPEND);
        Processes.runAsPostgres(log(), "pg_ctl", "-D", node.dataDir().toString(), "-l",
                base.resolve(node.name() + ".log").toString(), "-m", "fast", "-w", "restart");
    }

    /** A clean, fast shutdown ({@code pg_ctl stop -m fast}). */
    public void stop(Node node) throws IOException {
        Processes.runAsPostgres(log(), "pg_ctl", "-D", node.dataDir().toString(), "-m", "fast", "-w", "stop");
    }

    /** {@code kill -9} of the postmaster and every process under it, as a crashed host would leave it. */
    public void kill9(Node node) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(node.dataDir().resolve("postmaster.pid")).getFirst().strip());
        var postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IOException("no postmaster " + pid));
        var children = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (postmaster.isAlive() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    public Node node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public Path base() {
        return base;
    }

    /** A superuser connection over TCP, for the test's own set-up and checks. */
    public Connection superuser(Node node) throws SQLException {
        return connect(node, "postgres", SUPERUSER_PASSWORD);
    }

    public static Connection connect(Node node, String user, String password) throws SQLException {
        var props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + node.port() + "/postgres", props);
    }

    private Path log() {
        return base.resolve("harness.log");
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            destroy();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running this very clean-up.
            }
        }
    }

    private synchronized void destroy() {
        if (closed) {
            return;
        }
        closed = true;
        for (var node : nodes) {
            try {
                Processes.runAsPostgres(log(), "pg_ctl", "-D", node.dataDir().toString(), "-m", "immediate", "-w",
                        "stop");
            } catch (IOException e) {
                // Not running (killed or stopped by the test): nothing to stop.
            }
        }
        try (Stream<Path> walk = Files.walk(base)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("pg harness: could not delete " + base + ": " + e.getMessage());
        }
    }
}
