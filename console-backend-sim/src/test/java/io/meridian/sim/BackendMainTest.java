package io.meridian.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's command line. Only argument sets that make start fail are used: a successful start would serve
 * until the process ends.
 */
class BackendMainTest {
    private record Result(int status, String out, String err) {}

    private static Result run(String... args) {
        return runWith(Map.of(), args);
    }

    private static Result runWith(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
             var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = BackendMain.run(List.of(args), env, o, e);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertNoStackTrace(Result r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("\tat ");
    }

    @Test
    void helpPrintsUsage() {
        var r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("Usage: meridian-backend")
                .contains("--scenario NAME", "--scenario-file PATH", "--port N", "--bind ADDRESS");
        for (var name : ShippedScenarios.NAMES) {
            assertThat(r.out()).contains(name);
        }
        assertThat(r.err()).isEmpty();
    }

    @Test
    void anAuditLogNeedsItsKeyPassphrase() {
        var r = run("--audit-dir", "/tmp/nowhere", "--port", "0");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("MERIDIAN_AUDIT_PASSPHRASE");
        var rate = runWith(Map.of("MERIDIAN_AUDIT_PASSPHRASE", "p"), "--audit-rate", "5");
        assertThat(rate.status()).isEqualTo(2);
        assertThat(rate.err()).contains("--audit-rate needs --audit-dir");
        assertNoStackTrace(rate);
    }

    @Test
    void helpWinsOverOtherOptions() {
        var r = run("--port", "70000", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage");
    }

    @Test
    void versionPrintsTheReleaseVersion() {
        var r = run("--version");
        assertThat(r.status()).isZero();
        assertThat(r.out().strip()).matches("meridian-backend \\d+\\.\\d+\\.\\d+\\S*");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void unknownOptionListsKnownOptions() {
        var r = run("--prot", "50051");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("meridian-backend: ").contains("--prot")
                .contains("--bind", "--help", "--port", "--scenario", "--scenario-file", "--seed", "--tick-ms",
                        "--tls-cert", "--tls-key", "--version");
        assertNoStackTrace(r);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownScenarioListsKnownScenarios() {
        var r = run("--scenario", "nope");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("'nope'");
        for (var name : ShippedScenarios.NAMES) {
            assertThat(r.err()).contains(name);
        }
        assertNoStackTrace(r);
    }

    @Test
    void brokenScenarioFileNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        var file = dir.resolve("broken.json");
        Files.writeString(file, """
                {
                  "schemaVersion": 1,
                  "name": "broken",
                  "title": "Broken",,
                  "source": "test"
                }
                """);
        var r = run("--scenario-file", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(file.toString()).contains("line 4");
        assertNoStackTrace(r);
    }

    @Test
    void missingScenarioFileIsABadInput(@TempDir Path dir) {
        var file = dir.resolve("absent.json");
        var r = run("--scenario-file", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(file.toString());
        assertNoStackTrace(r);
    }

    @Test
    void scenarioAndScenarioFileTogetherAreRefused(@TempDir Path dir) {
        var r = run("--scenario", "sovren", "--scenario-file", dir.resolve("sovren.json").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--scenario").contains("--scenario-file");
        assertNoStackTrace(r);
    }

    @Test
    void aSpeedOutsideOneToSixtyIsRefusedAndTheHelpExplainsIt() {
        assertThat(run("--help").out()).contains("--speed N").contains("platform time");
        for (var speed : new String[] {"0", "61", "fast"}) {
            var r = run("--speed", speed);
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).contains("--speed").contains(speed);
            assertNoStackTrace(r);
        }
    }

    @Test
    void portOutOfRangeIsRefused() {
        var r = run("--port", "70000");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--port").contains("65535").contains("70000");
        assertNoStackTrace(r);
    }

    @Test
    void nonNumericSeedAndTooShortTickAreRefused() {
        var seed = run("--seed", "abc");
        assertThat(seed.status()).isEqualTo(2);
        assertThat(seed.err()).contains("--seed").contains("abc");
        assertNoStackTrace(seed);

        var tick = run("--tick-ms", "5");
        assertThat(tick.status()).isEqualTo(2);
        assertThat(tick.err()).contains("--tick-ms");
        assertNoStackTrace(tick);
    }

    @Test
    void certificateWithoutKeyIsRefused(@TempDir Path dir) {
        var r = run("--tls-cert", dir.resolve("cert.pem").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("certificate").contains("key");
        assertNoStackTrace(r);
    }

    @Test
    void aClientCaNeedsTlsAndAnAccessFile(@TempDir Path dir) {
        var withoutTls = run("--client-ca", dir.resolve("ca.pem").toString());
        assertThat(withoutTls.status()).isEqualTo(2);
        assertThat(withoutTls.err()).contains("--client-ca needs TLS");
        var withoutAccess = run("--tls-cert", "c.pem", "--tls-key", "k.pem", "--client-ca", "ca.pem");
        assertThat(withoutAccess.status()).isEqualTo(2);
        assertThat(withoutAccess.err()).contains("--client-ca and --access go together");
        assertNoStackTrace(withoutAccess);
    }

    @Test
    void aBrokenAccessFileNamesTheFileAndTheProblem(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("access.json"), "{\"schemaVersion\": 1, \"identities\": []}");
        var r = run("--access", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(file + ": identities: missing or empty");
        assertNoStackTrace(r);
    }

    @Test
    void demoIdentitiesAreForLoopbackWithoutTlsOnly() {
        var r = run("--demo-identities", "--tls-cert", "c.pem", "--tls-key", "k.pem");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("demo identities are for a loopback backend without TLS only");
        assertNoStackTrace(r);
    }

    // The two tests below reach SimulatedBackend.start, which must fail. The timeout only keeps the build from
    // hanging should a start unexpectedly succeed (run() would then serve forever); it asserts nothing about speed.

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void portInUseSaysSo() throws Exception {
        try (var taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            var r = run("--bind", "127.0.0.1", "--port", Integer.toString(port));
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).contains("127.0.0.1:" + port).contains("in use");
            assertThat(r.out()).doesNotContain("listening");
            assertNoStackTrace(r);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void bindingBeyondLoopbackWithoutTlsIsRefused() {
        var r = run("--bind", "0.0.0.0", "--port", "0");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("0.0.0.0").contains("TLS");
        assertThat(r.out()).doesNotContain("listening");
        assertNoStackTrace(r);
    }

    @Test
    void aPostgresPlatformNeedsItsFileAndRefusesSimulatorOptions() {
        var missing = run("--platform", "postgres");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("--platform postgres needs --platform-file FILE");
        var seed = run("--platform", "postgres", "--platform-file", "x.json", "--seed", "3");
        assertThat(seed.status()).isEqualTo(2);
        assertThat(seed.err()).contains("--seed applies to the simulated platform only");
        var unknown = run("--platform", "oracle");
        assertThat(unknown.err()).contains("'oracle' is not a platform (sim or postgres)");
        var stray = run("--platform-file", "x.json");
        assertThat(stray.err()).contains("--platform-file needs --platform postgres");
        assertNoStackTrace(missing);
    }

    @Test
    void aPlatformFileMistakeIsReportedWithItsFileAndPath(@TempDir Path dir) throws Exception {
        var file = dir.resolve("live.json");
        Files.writeString(file, PLATFORM.replace("\"port\": 5432", "\"port\": 0"));
        var r = run("--platform", "postgres", "--platform-file", file.toString(), "--port", "0");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains(file.toString(), "postgres.servers[0].port: 0 is out of range");
        assertThat(r.out()).doesNotContain("listening");
        assertNoStackTrace(r);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPostgresPlatformOnATakenPortSaysSo(@TempDir Path dir) throws Exception {
        var file = dir.resolve("live.json");
        Files.writeString(file, PLATFORM);
        try (var taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            var r = run("--platform", "postgres", "--platform-file", file.toString(), "--bind", "127.0.0.1",
                    "--port", Integer.toString(port));
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.err()).contains("127.0.0.1:" + port).contains("in use");
            assertNoStackTrace(r);
        }
    }

    /** A one-server platform file (docs/postgres.md); nothing needs to listen on its port for these tests. */
    private static final String PLATFORM = """
            {"schemaVersion": 1, "name": "live", "title": "Live", "source": "test", "summary": "One server.",
             "targets": {"detectionSeconds": 5, "lagSloP95Seconds": 30, "lagBreakerSeconds": 60,
                         "clockOffsetMaxMicros": 1000, "availabilityPercent": 99.9, "latencyP50Millis": 50,
                         "latencyP95Millis": 200},
             "tiers": [{"name": "HOT", "rtoSeconds": 300, "rpoSeconds": 0}],
             "regions": [{"id": "eu-central-1", "name": "Frankfurt", "provider": "On-premises",
                          "location": {"lat": 50.1, "lon": 8.7}, "jurisdictions": ["GDPR"], "tier": "HOT",
                          "role": "PRIMARY"}],
             "clusters": [{"id": "orders", "name": "Orders", "replicas": [
                 {"id": "fra1", "region": "eu-central-1", "role": "PRIMARY"}]}],
             "postgres": {
               "monitor": {"user": "meridian_monitor", "passwordEnv": "PG_MONITOR_PASSWORD"},
               "action": {"user": "meridian_action", "passwordEnv": "PG_ACTION_PASSWORD"},
               "servers": [{"replica": "fra1", "host": "127.0.0.1", "port": 5432, "database": "postgres",
                            "tlsMode": "disable"}]}}
            """;
}
