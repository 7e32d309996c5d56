package io.meridian.sim.team;

import io.meridian.client.ConnectionSecurity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A local CA with its files in a test folder: the CA certificate, a server certificate and key for loopback, and
 * client certificates on demand, with keys kept in memory (unencrypted key files would teach the tests a habit the
 * product forbids).
 */
public record TestPki(LocalCa ca, Path folder, Path caFile, Path serverCertificate, Path serverKey) {
    public static TestPki create(Path folder, String name) throws IOException {
        var ca = LocalCa.create(name, java.time.Duration.ofDays(1));
        var caFile = Files.writeString(folder.resolve(name + "-ca.pem"), LocalCa.pem(ca.certificate()));
        var server = ca.issueServer("meridian-backend");
        var serverCertificate = Files.writeString(folder.resolve(name + "-server.pem"), server.chainPem());
        var serverKey = Files.writeString(folder.resolve(name + "-server-key.pem"), server.privateKeyPem());
        return new TestPki(ca, folder, caFile, serverCertificate, serverKey);
    }

    /** Mutual TLS as {@code id}: a fresh client certificate of this CA, trusting {@code trusted} for the server. */
    public ConnectionSecurity client(String id, Path trusted) throws IOException {
        var issued = ca.issueClient(id);
        var file = folder.resolve(id + "-" + Math.abs(issued.chain().getFirst().getSerialNumber().intValue())
                + ".pem");
        Files.writeString(file, issued.chainPem(), StandardCharsets.US_ASCII);
        return ConnectionSecurity.mutualTls(trusted, file, issued.privateKey());
    }
}
