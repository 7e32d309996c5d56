package io.meridian.sim.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.cli.Arguments;
import io.meridian.cli.ConnectionOptions;
import io.meridian.client.Backend;
import io.meridian.client.BackendAddress;
import io.meridian.client.BackendException;
import io.meridian.client.ConnectionSecurity;
import io.meridian.keys.EncryptedKeyFile;
import io.meridian.model.session.Role;
import io.meridian.server.BackendServer;
import io.meridian.server.access.AccessFile;
import io.meridian.server.access.AccessPolicy;
import io.meridian.sim.ShippedScenarios;
import io.meridian.sim.SimulatedBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo team end to end: the command writes a CA, certificates, encrypted keys and an access file; a backend
 * started with them over mutual TLS on loopback knows two people by their certificates, and refuses a client
 * without a certificate, one from another CA, and one whose certificate names nobody in the access file.
 */
class DemoTeamCommandTest {
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    static Path dir;
    private static DemoTeamFiles.Layout layout;
    private static Path passphraseFile;
    private static BackendServer server;
    private static String output;

    @BeforeAll
    static void generateAndStart() throws Exception {
        passphraseFile = Files.writeString(dir.resolve("passphrase"), PASSPHRASE + "\n");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = DemoTeamCommand.run(List.of("--out", dir.resolve("team").toString(), "--scenario",
                "hvac-multi-region", "--passphrase-file", passphraseFile.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        output = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(status).as(output).isZero();
        layout = new DemoTeamFiles.Layout(dir.resolve("team"));
        var options = new SimulatedBackend.Options(ShippedScenarios.load("hvac-multi-region"), 1,
                InetAddress.getLoopbackAddress(), 0, Duration.ofSeconds(1), layout.serverCertificate(),
                layout.serverKey(), layout.ca(), AccessPolicy.certificates(AccessFile.load(layout.access())));
        server = SimulatedBackend.start(options);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static BackendAddress address() {
        return new BackendAddress("localhost", server.port());
    }

    /** Connects as a console would: the command-line options, the key opened with the passphrase file. */
    private static Backend connectAs(String id) throws BackendException {
        var options = ConnectionOptions.of(Arguments.parse(List.of("--tls-ca", layout.ca().toString(),
                "--tls-cert", layout.clientCertificate(id).toString(), "--tls-key", layout.clientKey(id).toString(),
                "--passphrase-file", passphraseFile.toString()), ConnectionOptions.NAMES, Set.of()));
        return Backend.connectWith(address(), options.security());
    }

    @Test
    void twoPeopleAreKnownByTheirCertificates() throws Exception {
        try (var marcus = connectAs("marcus.bell"); var dana = connectAs("dana.whitfield")) {
            var operator = marcus.session().caller();
            assertThat(operator.identity()).isEqualTo("marcus.bell");
            assertThat(operator.roles()).containsExactly(Role.OPERATOR);
            assertThat(operator.authentication()).isEqualTo("mTLS certificate CN=marcus.bell");
            var commander = dana.session();
            assertThat(commander.caller().identity()).isEqualTo("dana.whitfield");
            assertThat(commander.caller().roles()).containsExactly(Role.INCIDENT_COMMANDER);
            assertThat(commander.demoIdentities()).isFalse();
        }
    }

    @Test
    void theFilesHoldWhatTheBackendAndThePeopleNeed() throws Exception {
        var access = AccessFile.load(layout.access());
        assertThat(access.identities()).extracting(i -> i.id()).containsExactly("marcus.bell", "sofia.alvarez",
                "dana.whitfield", "kevin.osei", "ruth.nakamura");
        var signing = EncryptedKeyFile.readSigningKey(layout.signingKey("kevin.osei"), PASSPHRASE.toCharArray());
        assertThat(access.find("kevin.osei").orElseThrow().signingKey()).isEqualTo(signing.publicKey());
        for (var secret : List.of(layout.serverKey(), layout.caKey(), layout.clientKey("kevin.osei"),
                layout.signingKey("kevin.osei"))) {
            assertThat(Files.getPosixFilePermissions(secret)).as(secret.toString())
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(Files.readString(layout.clientKey("kevin.osei"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY");
        assertThat(output).contains("marcus.bell", "--client-ca").doesNotContain(PASSPHRASE);
    }

    @Test
    void aClientWithoutCertificateIsRefused() throws Exception {
        try (var anonymous = Backend.connectWith(address(), ConnectionSecurity.trusting(layout.ca()))) {
            assertThatThrownBy(anonymous::session).isInstanceOf(BackendException.class);
        }
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() throws Exception {
        var other = TestPki.create(dir, "other");
        try (var stranger = Backend.connectWith(address(), other.client("marcus.bell", layout.ca()))) {
            assertThatThrownBy(stranger::session).isInstanceOf(BackendException.class);
        }
    }

    @Test
    void aCertificateOfTheCaForSomeoneNotInTheAccessFileIsUnauthenticated() throws Exception {
        X509Certificate caCertificate;
        try (var in = Files.newInputStream(layout.ca())) {
            caCertificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        var ca = LocalCa.of(caCertificate, EncryptedKeyFile.readPrivateKey(layout.caKey(), PASSPHRASE.toCharArray()),
                Duration.ofDays(1));
        var pki = new TestPki(ca, dir, layout.ca(), layout.serverCertificate(), layout.serverKey());
        try (var mallory = Backend.connectWith(address(), pki.client("mallory", layout.ca()))) {
            assertThatThrownBy(mallory::session).isInstanceOfSatisfying(BackendException.class, e -> {
                assertThat(e.kind()).isEqualTo(BackendException.Kind.REFUSED);
                assertThat(e.getMessage()).contains("CN=mallory is not in the backend's access file");
            });
        }
    }

    @Test
    void aMissingOrShortPassphraseIsAUsageError() {
        var err = new ByteArrayOutputStream();
        var quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(DemoTeamCommand.run(List.of("--out", dir.resolve("x").toString()), quiet,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--passphrase-file");
    }
}
