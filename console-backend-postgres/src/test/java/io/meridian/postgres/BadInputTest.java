package io.meridian.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.topology.Health;
import io.meridian.postgres.harness.PgCluster;
import io.meridian.postgres.harness.PlatformFiles;
import io.meridian.postgres.harness.RecordingObserver;
import io.meridian.postgres.platformfile.PlatformFileLoader;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One platform, one region per mistake: each mistake is a clear message naming its region and server, and the
 * region that is configured right keeps being observed.
 */
class BadInputTest {
    private static PgCluster cluster;
    private static ServerSocket notPostgres;
    private static Thread answering;

    @BeforeAll
    static void start() throws Exception {
        cluster = PgCluster.start(null, "good");
        try (var c = cluster.superuser(cluster.node("good"))) {
            c.createStatement().execute("create role lonely login password 'lonely-pw'");
        }
        notPostgres = new ServerSocket(0);
        answering = Thread.ofVirtual().start(() -> {
            while (!notPostgres.isClosed()) {
                try (var socket = notPostgres.accept()) {
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (notPostgres != null) {
            notPostgres.close();
            answering.join(2000);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void eachMistakeNamesItsRegionAndServerAndTheOthersKeepWorking(@TempDir Path dir) throws Exception {
        int port = cluster.node("good").port();
        int closedPort;
        try (var s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String wrongPassword = ", \"monitor\": {\"user\": \"" + PgCluster.MONITOR_USER
                + "\", \"passwordEnv\": \"WRONG_PASSWORD\"}";
        String noGrant = ", \"monitor\": {\"user\": \"lonely\", \"passwordEnv\": \"LONELY_PASSWORD\"}";
        String unset = ", \"monitor\": {\"user\": \"" + PgCluster.MONITOR_USER + "\", \"passwordEnv\": \"UNSET_VAR\"}";
        var file = PlatformFiles.write(dir, "bad-inputs", List.of(
                single("good", 0, "127.0.0.1", port, ""),
                single("wrongpw", 1, "localhost", port, wrongPassword),
                single("down", 2, "127.0.0.1", closedPort, ""),
                single("notpg", 3, "127.0.0.1", notPostgres.getLocalPort(), ""),
                single("nogrant", 4, "127.0.0.2", port, noGrant),
                single("unset", 5, "127.0.0.3", port, unset)), "");
        var environment = new HashMap<>(PlatformFiles.ENVIRONMENT);
        environment.put("WRONG_PASSWORD", "not-the-password");
        environment.put("LONELY_PASSWORD", "lonely-pw");
        try (var platform = new PostgresPlatform(PlatformFileLoader.load(file), environment, Clock.systemUTC())) {
            var observer = new RecordingObserver(platform.topology());
            platform.start(observer);
            observer.await("every mistake reported", Duration.ofSeconds(20), o -> !detail(o, "wrongpw").isEmpty()
                    && health(o, "down") == Health.FAILED && health(o, "good") == Health.HEALTHY
                    && detail(o, "notpg").contains("PostgreSQL protocol") && detail(o, "nogrant").contains("pg_monitor")
                    && detail(o, "unset").contains("not set"));
            assertThat(health(observer, "good")).isEqualTo(Health.HEALTHY);
            assertThat(detail(observer, "wrongpw")).contains("region eu-west-1, server wrongpw (localhost:" + port,
                    "authentication failed for user 'meridian_monitor'").doesNotContain("not-the-password");
            assertThat(health(observer, "wrongpw")).isEqualTo(Health.UNKNOWN);
            assertThat(detail(observer, "down")).contains("region eu-north-1, server down", "connection refused");
            assertThat(detail(observer, "notpg")).contains("region eu-south-1, server notpg");
            assertThat(health(observer, "notpg")).isEqualTo(Health.UNKNOWN);
            assertThat(detail(observer, "nogrant")).contains("region eu-west-3, server nogrant",
                    "'lonely' is not a member of pg_monitor", "GRANT pg_monitor TO lonely");
            assertThat(detail(observer, "unset")).contains("server unset", "environment variable UNSET_VAR");
        }
    }

    private static PlatformFiles.ClusterDef single(String id, int region, String host, int port, String extra) {
        var regionId = region < 5 ? PlatformFiles.region(region) : "eu-east-" + region;
        return new PlatformFiles.ClusterDef("c-" + id, List.of(new PlatformFiles.Replica(id, regionId, "PRIMARY",
                null, false, host, port, extra)));
    }

    private static Health health(RecordingObserver o, String id) {
        return ObservePlatformTest.replica(o, id).health();
    }

    private static String detail(RecordingObserver o, String id) {
        var detail = ObservePlatformTest.replica(o, id).healthDetail();
        return detail.equals("not probed yet") ? "" : detail;
    }
}
