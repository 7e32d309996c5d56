package io.meridian.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.model.session.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access file: a valid one loads; a broken one is refused with every problem, each at its place. */
class AccessFileTest {
    private static final String ANA = key(1);
    private static final String BO = key(2);

    private static String key(int seed) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) seed);
        return Ed25519PrivateKey.fromSeed(bytes).publicKey().base64();
    }

    private static AccessList parse(String json) throws AccessFileException {
        return AccessFile.parse("access.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidFileLoads(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("access.json"), """
                {
                  "schemaVersion": 1,
                  "identities": [
                    {"id": "ana.ops", "name": "Ana Ruiz", "roles": ["operator", "incident-commander"],
                     "signingKey": "%s"},
                    {"id": "bo.audit", "name": "Bo Lind", "roles": ["auditor"], "signingKey": "%s"}
                  ]
                }
                """.formatted(ANA, BO));
        var access = AccessFile.load(file);
        var ana = access.find("ana.ops").orElseThrow();
        assertThat(ana.displayName()).isEqualTo("Ana Ruiz");
        assertThat(ana.roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.INCIDENT_COMMANDER);
        assertThat(ana.signingKey().base64()).isEqualTo(ANA);
        assertThat(access.find("nobody")).isEmpty();
        assertThat(access.identities()).extracting(Identity::id).containsExactly("ana.ops", "bo.audit");
    }

    @Test
    void everyProblemIsListedAtItsPath() {
        assertThatThrownBy(() -> parse("""
                {"schemaVersion": 2, "identities": [
                  {"id": "Ana Ruiz", "name": "Ana", "roles": ["admin"], "signingKey": "%s"},
                  {"id": "bo", "name": " ", "roles": [], "signingKey": "not base64!"},
                  {"id": "bo", "name": "Bo", "roles": ["viewer", "viewer"], "signingKey": "%s"},
                  {"id": "cy", "name": "Cy", "roles": ["viewer"]}
                ]}""".formatted(ANA, ANA)))
                .isInstanceOf(AccessFileException.class)
                .hasMessageStartingWith("access.json: 10 problems:")
                .hasMessageContaining("schemaVersion: is 2; this version reads only 1")
                .hasMessageContaining("identities[0].id: 'Ana Ruiz' is not an id")
                .hasMessageContaining("identities[0].roles[0]: 'admin' is not a role; roles are viewer, operator, "
                        + "incident-commander, auditor")
                .hasMessageContaining("identities[1].name: must be 1 to 100 characters")
                .hasMessageContaining("identities[1].roles: missing or empty")
                .hasMessageContaining("identities[1].signingKey: not base64")
                .hasMessageContaining("identities[2].id: 'bo' is already identities[1]")
                .hasMessageContaining("identities[2].roles[1]: 'viewer' is listed twice")
                .hasMessageContaining("identities[2].signingKey: the same key as identities[0]")
                .hasMessageContaining("identities[3].signingKey: missing");
    }

    @Test
    void aKeyOfTheWrongLengthIsNamed() {
        assertThatThrownBy(() -> parse("""
                {"schemaVersion": 1, "identities": [
                  {"id": "ana", "name": "Ana", "roles": ["viewer"], "signingKey": "AAAA"}]}"""))
                .hasMessage("access.json: identities[0].signingKey: an Ed25519 public key has 32 bytes, got 3");
    }

    @Test
    void syntaxUnknownFieldsAndNullsAreRefusedWithTheirPlace() {
        assertThatThrownBy(() -> parse("{\"schemaVersion\": 1,\n \"identities\": [}"))
                .hasMessageStartingWith("access.json: line 2, column ");
        assertThatThrownBy(() -> parse("""
                {"schemaVersion": 1, "identities": [
                  {"id": "ana", "name": "Ana", "role": ["viewer"], "signingKey": "%s"}]}""".formatted(ANA)))
                .hasMessageContaining("line 2, column ")
                .hasMessageContaining("identities[0]: unknown field 'role' (known fields: id, name, roles, "
                        + "signingKey)");
        assertThatThrownBy(() -> parse("""
                {"schemaVersion": 1,
                 "identities": null}"""))
                .hasMessage("access.json: line 2, column 16: null is not allowed; leave an optional field out "
                        + "instead");
        assertThatThrownBy(() -> parse("{\"schemaVersion\": \"1\", \"identities\": []}"))
                .hasMessageContaining("schemaVersion");
        assertThatThrownBy(() -> parse("  ")).hasMessage("access.json: the file is empty; expected a JSON object");
    }

    @Test
    void theExampleOfTheDocumentationLoads() throws Exception {
        var doc = Files.readString(Path.of("../docs/security.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        var example = doc.substring(start, doc.indexOf("```", start));
        assertThat(AccessFile.parse("docs/security.md", example.getBytes(StandardCharsets.UTF_8)).identities())
                .extracting(Identity::id).containsExactly("lena.hoffmann", "camila.souza");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> AccessFile.load(dir.resolve("nope.json")))
                .hasMessage(dir.resolve("nope.json") + ": no such file");
    }
}
