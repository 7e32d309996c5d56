package io.meridian.sim.team;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.meridian.keys.EncryptedKeyFile;
import io.meridian.keys.KeyFileException;
import io.meridian.server.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes everything a mutual-TLS demo of a scenario's team needs into one new folder (layout in docs/security.md):
 * a local CA, a server certificate for this machine, per person a client certificate (CN = their id) with its key
 * and an Ed25519 signing key, and the backend's access file naming them with their roles and public signing keys.
 * Every private key a person holds is encrypted with the passphrase; the server's TLS key is not (the backend reads
 * it unattended at start) and, like every key file, is readable by its owner only.
 */
public final class DemoTeamFiles {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private DemoTeamFiles() {
    }

    /** Where each file lives inside the output folder. */
    public record Layout(Path folder) {
        public Path ca() {
            return folder.resolve("ca.pem");
        }

        public Path caKey() {
            return folder.resolve("ca-key.pem");
        }

        public Path serverCertificate() {
            return folder.resolve("server.pem");
        }

        public Path serverKey() {
            return folder.resolve("server-key.pem");
        }

        public Path access() {
            return folder.resolve("access.json");
        }

        public Path person(String id) {
            return folder.resolve("people").resolve(id);
        }

        public Path clientCertificate(String id) {
            return person(id).resolve("client.pem");
        }

        public Path clientKey(String id) {
            return person(id).resolve("client-key.pem");
        }

        public Path signingKey(String id) {
            return person(id).resolve("signing-key.pem");
        }
    }

    /**
     * Writes the files of {@code scenario}'s team into {@code folder}, which must not exist or be empty; certificates
     * are valid for {@code validity}.
     */
    public static Layout write(Path folder, Scenario scenario, char[] passphrase, Duration validity)
            throws IOException, KeyFileException {
        if (scenario.team() == null || scenario.team().isEmpty()) {
            throw new IOException("scenario " + scenario.name() + " has no team; add a \"team\" (docs/scenarios.md)");
        }
        if (Files.exists(folder)) {
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(folder + " is not empty; choose a new folder (nothing is overwritten)");
                }
            }
        }
        var layout = new Layout(folder);
        Files.createDirectories(folder);
        var ca = LocalCa.create("Meridian demo CA (" + scenario.name() + ")", validity);
        writePublic(layout.ca(), LocalCa.pem(ca.certificate()));
        EncryptedKeyFile.writePrivateKey(layout.caKey(), ca.privateKey(), passphrase);
        var server = ca.issueServer("meridian-backend");
        writePublic(layout.serverCertificate(), server.chainPem());
        writePrivate(layout.serverKey(), server.privateKeyPem());
        var identities = new ArrayList<Map<String, Object>>();
        for (var member : scenario.team()) {
            Files.createDirectories(layout.person(member.id()));
            var client = ca.issueClient(member.id());
            writePublic(layout.clientCertificate(member.id()), client.chainPem());
            EncryptedKeyFile.writePrivateKey(layout.clientKey(member.id()), client.privateKey(), passphrase);
            var signing = EncryptedKeyFile.createSigningKey(layout.signingKey(member.id()), passphrase);
            var entry = new LinkedHashMap<String, Object>();
            entry.put("id", member.id());
            entry.put("name", member.name());
            entry.put("roles", List.copyOf(member.roles()));
            entry.put("signingKey", signing.publicKey().base64());
            identities.add(entry);
        }
        var access = new LinkedHashMap<String, Object>();
        access.put("schemaVersion", 1);
        access.put("identities", identities);
        writePublic(layout.access(), JSON.writeValueAsString(access) + "\n");
        return layout;
    }

    private static void writePublic(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    private static void writePrivate(Path file, String text) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
