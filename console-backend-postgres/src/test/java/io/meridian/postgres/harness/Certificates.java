package io.meridian.postgres.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test certificates made with openssl (installed with PostgreSQL: Debian's postgresql needs ssl-cert, which needs
 * openssl): a CA, and server certificates it signs. P-256 keys, valid for two days.
 */
public final class Certificates {
    /** A CA's certificate and key, PEM. */
    public record Ca(Path certificate, Path key) {}

    /** A server's certificate and key, PEM. */
    public record Issued(Path certificate, Path key) {}

    private Certificates() {
    }

    public static Ca ca(Path dir, String name) throws IOException {
        var ca = new Ca(dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", ca.key().toString(), "-out", ca.certificate().toString(), "-days", "2",
                "-subj", "/CN=" + name, "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return ca;
    }

    /** A server certificate signed by {@code ca}: subject CN {@code commonName}, {@code altNames} e.g. "DNS:x". */
    public static Issued server(Ca ca, Path dir, String name, String commonName, String altNames)
            throws IOException {
        var issued = new Issued(dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
        var request = dir.resolve(name + ".csr");
        var extensions = dir.resolve(name + ".ext");
        Files.writeString(extensions, "subjectAltName = " + altNames + "\nbasicConstraints = critical,CA:FALSE\n"
                + "keyUsage = critical,digitalSignature\nextendedKeyUsage = serverAuth\n");
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", issued.key().toString(), "-out", request.toString(), "-subj", "/CN=" + commonName);
        openssl(dir, "x509", "-req", "-in", request.toString(), "-CA", ca.certificate().toString(),
                "-CAkey", ca.key().toString(), "-CAcreateserial", "-days", "2", "-extfile", extensions.toString(),
                "-out", issued.certificate().toString());
        return issued;
    }

    private static void openssl(Path dir, String... args) throws IOException {
        var command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Processes.run(dir.resolve("openssl.log"), command);
    }
}
