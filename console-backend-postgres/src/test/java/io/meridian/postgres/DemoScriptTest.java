package io.meridian.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.failover.ExecutionPhase;
import io.meridian.model.failover.FailoverKind;
import io.meridian.model.topology.Health;
import io.meridian.model.topology.LinkState;
import io.meridian.model.topology.ReplicaRole;
import io.meridian.postgres.harness.RecordingObserver;
import io.meridian.postgres.platformfile.PlatformFileLoader;
import io.meridian.server.platform.FailoverPlan;
import io.meridian.server.platform.PhaseResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start's script (docs/postgres.md): its servers and platform file make a healthy three-region platform,
 * and its rejoin command (pg_rewind) brings a switched-over primary back as a standby, so the primary can move
 * there and back. The backend it also starts is the standalone launcher, tested on its own; here it is left out
 * (--servers-only).
 */
class DemoScriptTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "postgres-demo.sh").toAbsolutePath().normalize();

    @Test
    void startsThreeRegionsAndWritesTheirPlatformFile(@TempDir Path temp) throws Exception {
        // The servers run as the postgres user, who must be able to reach the folder the script creates.
        Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        var dir = temp.resolve("demo");
        int port = freeRange();
        var env = Map.of("MERIDIAN_PG_DEMO_PORT", Integer.toString(port));
        try {
            script(env, "start", "--servers-only", dir.toString());
            var file = PlatformFileLoader.load(dir.resolve("pg-demo.json"));
            assertThat(Files.readString(dir.resolve("pg-demo.json"))).doesNotContain("password\"");
            try (var platform = new PostgresPlatform(file, Map.of(), Clock.systemUTC())) {
                var observer = new RecordingObserver(platform.topology());
                platform.start(observer);
                observer.await("three healthy regions, two streaming links", Duration.ofSeconds(30), o ->
                        o.topology().clusters().getFirst().replicas().stream()
                                .allMatch(r -> r.health() == Health.HEALTHY)
                        && ObservePlatformTest.state(o, "fra1->dub1") == LinkState.STREAMING
                        && ObservePlatformTest.state(o, "fra1->sto1") == LinkState.STREAMING);
                assertThat(ObservePlatformTest.link(observer.topology().links(), "fra1->dub1").synchronous())
                        .isTrue();
                assertThat(observer.topology().regions()).hasSize(3);

                switchover(platform, "there", "fra1", "dub1");
                observer.await("fra1 rejoined under dub1", Duration.ofSeconds(30), o ->
                        ObservePlatformTest.replica(o, "fra1").role() == ReplicaRole.STANDBY
                        && ObservePlatformTest.replica(o, "fra1").health() == Health.HEALTHY
                        && ObservePlatformTest.state(o, "dub1->fra1") == LinkState.STREAMING
                        && ObservePlatformTest.state(o, "dub1->sto1") == LinkState.STREAMING);
                switchover(platform, "back", "dub1", "fra1");
                observer.await("dub1 rejoined under fra1", Duration.ofSeconds(30), o ->
                        ObservePlatformTest.replica(o, "fra1").role() == ReplicaRole.PRIMARY
                        && ObservePlatformTest.state(o, "fra1->dub1") == LinkState.STREAMING
                        && ObservePlatformTest.state(o, "fra1->sto1") == LinkState.STREAMING);
            }
        } finally {
            script(env, "clean", dir.toString());
        }
        assertThat(dir).doesNotExist();
    }

    private static void switchover(PostgresPlatform platform, String id, String from, String to) throws Exception {
        var plan = new FailoverPlan(id, "orders", from, to, FailoverKind.PLANNED_SWITCHOVER, false);
        var results = new java.util.EnumMap<ExecutionPhase, PhaseResult>(ExecutionPhase.class);
        for (var phase : ExecutionPhase.values()) {
            results.put(phase, platform.execute(phase, plan));
        }
        assertThat(results.get(ExecutionPhase.PROMOTE).lostBytes()).isZero();
        assertThat(results.get(ExecutionPhase.REROUTE).detail()).contains(from + " rejoined as a standby");
    }

    private static void script(Map<String, String> env, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    /** A port whose next two are free too (checked, not reserved: good enough on a test machine). */
    private static int freeRange() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (var s = new ServerSocket(0)) {
                base = s.getLocalPort();
            }
            if (base < 65000 && free(base + 1) && free(base + 2)) {
                return base;
            }
        }
        throw new IOException("no three consecutive free ports");
    }

    private static boolean free(int port) {
        try (var s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
