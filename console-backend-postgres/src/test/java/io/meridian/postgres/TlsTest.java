package io.meridian.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.meridian.model.topology.Health;
import io.meridian.postgres.harness.Certificates;
import io.meridian.postgres.harness.PgCluster;
import io.meridian.postgres.harness.PlatformFiles;
import io.meridian.postgres.harness.RecordingObserver;
import io.meridian.postgres.platformfile.PlatformFileLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify-full} against a real server with a certificate for localhost signed by a test CA: the platform
 * connects over TLS with the CA file; another CA, or a host name the certificate does not carry, is a clear message
 * naming region and server (the server stays UNKNOWN, never "lost"), while the region configured right keeps
 * working.
 */
class TlsTest {
    private static PgCluster cluster;
    private static Certificates.Ca ca;
    private static Certificates.Ca otherCa;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        cluster = PgCluster.start(null, "secure");
        ca = Certificates.ca(dir, "meridian-test-ca");
        otherCa = Certificates.ca(dir, "someone-elses-ca");
        var issued = Certificates.server(ca, dir, "secure", "localhost", "DNS:localhost,IP:127.0.0.1");
        cluster.enableTls(cluster.node("secure"), issued.certificate(), issued.key());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void verifyFullConnectsWithTheCaAndAWrongCaOrHostIsNamedNotLost(@TempDir Path dir) throws Exception {
        int port = cluster.node("secure").port();
        var file = PlatformFiles.write(dir, "tls", List.of(
                single("secure", 0, "localhost", port, ca),
                single("wrongca", 1, "127.0.0.1", port, otherCa),
                single("wronghost", 2, "127.0.0.2", port, ca)), "");
        try (var platform = new PostgresPlatform(PlatformFileLoader.load(file), PlatformFiles.ENVIRONMENT,
                Clock.systemUTC())) {
            var observer = new RecordingObserver(platform.topology());
            platform.start(observer);
            observer.await("the TLS region healthy and both mistakes reported", Duration.ofSeconds(20),
                    o -> health(o, "secure") == Health.HEALTHY && !detail(o, "wrongca").isEmpty()
                            && !detail(o, "wronghost").isEmpty());
            // The monitor's sessions are encrypted: verify-full did not fall back to plain text.
            try (var c = cluster.superuser(cluster.node("secure")); var rs = c.createStatement().executeQuery(
                    "select count(*), coalesce(bool_and(s.ssl), false) from pg_stat_ssl s join pg_stat_activity a"
                            + " on a.pid = s.pid where a.usename = '" + PgCluster.MONITOR_USER + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
                assertThat(rs.getBoolean(2)).isTrue();
            }
            assertThat(detail(observer, "wrongca")).startsWith("region eu-west-1, server wrongca (127.0.0.1:" + port
                    + "): TLS: the server's certificate is not trusted").contains(otherCa.certificate().toString(),
                    "tlsMode verify-full");
            assertThat(detail(observer, "wronghost")).startsWith("region eu-north-1, server wronghost (127.0.0.2:"
                    + port + "): TLS: the server's certificate does not name the host 127.0.0.2");
            for (var id : List.of("wrongca", "wronghost")) {
                assertThat(detail(observer, id)).doesNotContain("Exception", "\tat ", "\n");
            }
            // Probes keep being answered with the same certificate: no number of them makes the server "lost".
            Thread.sleep(3000);
            assertThat(health(observer, "wrongca")).isEqualTo(Health.UNKNOWN);
            assertThat(health(observer, "wronghost")).isEqualTo(Health.UNKNOWN);
            assertThat(health(observer, "secure")).isEqualTo(Health.HEALTHY);
        }
    }

    private static PlatformFiles.ClusterDef single(String id, int region, String host, int port,
                                                  Certificates.Ca rootCert) {
        var extra = ", \"tlsMode\": \"verify-full\", \"tlsRootCert\": \"" + rootCert.certificate() + "\"";
        return new PlatformFiles.ClusterDef("c-" + id, List.of(new PlatformFiles.Replica(id,
                PlatformFiles.region(region), "PRIMARY", null, false, host, port, extra)));
    }

    private static Health health(RecordingObserver o, String id) {
        return ObservePlatformTest.replica(o, id).health();
    }

    private static String detail(RecordingObserver o, String id) {
        var detail = ObservePlatformTest.replica(o, id).healthDetail();
        return detail.equals("not probed yet") ? "" : detail;
    }
}
