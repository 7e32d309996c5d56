package io.meridian.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.cli.Arguments;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who the console connects as: a demo member on the embedded backend, a client certificate on a standalone one. */
class ConsoleOptionsTest {
    @Test
    void asNamesTheDemoMemberOfTheEmbeddedBackend() {
        var options = ConsoleOptions.parse(List.of("--as", "camila.souza", "--scenario", "phase-7p"));
        assertThat(options.backend()).isNull();
        assertThat(options.connection().demoIdentity()).isEqualTo("camila.souza");
    }

    @Test
    void aClientCertificateIsForAStandaloneBackendAndNeedsItsKeyAndPassphrase() {
        var options = ConsoleOptions.parse(List.of("--backend", "localhost:50051", "--tls-ca", "ca.pem",
                "--tls-cert", "me.pem", "--tls-key", "me-key.pem", "--passphrase-file", "pass.txt"));
        assertThat(options.connection().tlsCert()).isEqualTo(Path.of("me.pem"));
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--tls-cert", "me.pem", "--tls-key", "k.pem",
                "--passphrase-file", "p"))).isInstanceOf(Arguments.UsageException.class)
                .hasMessageContaining("for a standalone --backend");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--backend", "h:1", "--tls-cert", "me.pem",
                "--tls-key", "k.pem"))).hasMessageContaining("--passphrase-file");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--backend", "h:1", "--tls-cert", "me.pem")))
                .hasMessageContaining("--tls-cert and --tls-key go together");
        assertThatThrownBy(() -> ConsoleOptions.parse(List.of("--backend", "h:1", "--tls-ca", "ca.pem", "--as",
                "x"))).hasMessageContaining("--as names a demo identity");
    }

    @Test
    void theUsageListsTheConnectionOptions() {
        assertThat(ConsoleOptions.USAGE).contains("--tls-cert PATH", "--as ID", "--scenario NAME");
    }
}
