package io.meridian.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The golden vectors in src/test/resources/audit/golden: regenerated in memory and compared byte for byte, then
 * read back as an independent verifier would, from the files alone.
 */
class GoldenVectorsTest {
    private static final Path DIR = GoldenFiles.RESOURCES.resolve("golden");
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void filesMatchTheCode() throws Exception {
        GoldenFiles.check(DIR, GoldenVectors.files());
    }

    @Test
    void entriesDecodeHashAndVerifyFromTheFiles() throws Exception {
        var keys = TrustedKeys.parse(Files.readString(DIR.resolve("keys.txt")), "keys.txt");
        var entries = new ObjectMapper().readTree(DIR.resolve("entries.json").toFile()).get("entries");
        Hash previous = Hash.ZERO;
        for (JsonNode node : entries) {
            byte[] bytes = HEX.parseHex(node.get("entryBytes").asText());
            var signed = EntryCodec.decode(bytes);
            assertThat(signed.entry().queryId()).isEqualTo(node.get("queryId").asText());
            assertThat(signed.entry().previousHash()).isEqualTo(previous);
            assertThat(signed.leafHash().hex()).isEqualTo(node.get("leafHash").asText());
            assertThat(EntryCodec.signedBody(signed.entry())).isEqualTo(HEX.parseHex(node.get("signedBody").asText()));
            assertThat(signed.signatureVerifies(keys.regionKey(signed.entry().signerKeyId()).publicKey())).isTrue();
            previous = signed.leafHash();
        }
    }

    @Test
    void proofsInTheFilesVerify() throws Exception {
        var tree = new ObjectMapper().readTree(DIR.resolve("tree.json").toFile());
        var entries = new ObjectMapper().readTree(DIR.resolve("entries.json").toFile()).get("entries");
        var roots = new ArrayList<Hash>();
        tree.get("roots").forEach(r -> roots.add(Hash.fromHex(r.get("root").asText())));
        for (JsonNode p : tree.get("inclusionProofs")) {
            int index = p.get("index").asInt();
            int size = p.get("treeSize").asInt();
            var leaf = Hash.fromHex(entries.get(index).get("leafHash").asText());
            InclusionProofs.verify(index, size, leaf, hashes(p), roots.get(size));
        }
        for (JsonNode p : tree.get("consistencyProofs")) {
            int from = p.get("fromSize").asInt();
            int to = p.get("toSize").asInt();
            ConsistencyProofs.verify(from, to, roots.get(from), roots.get(to), hashes(p));
        }
    }

    @Test
    void checkpointAndBundlesVerify() throws Exception {
        var keys = TrustedKeys.parse(Files.readString(DIR.resolve("keys.txt")), "keys.txt");
        var note = SignedNote.parse(Files.readString(DIR.resolve("checkpoint.txt")));
        assertThat(note.verify(keys.checkpointKeys())).hasSize(1);
        assertThat(Checkpoint.parse(note.text()).size()).isEqualTo(GoldenVectors.SIZE);
        for (String name : List.of("bundle-complete.json", "bundle-range.json")) {
            var bundle = BundleCodec.read(Files.readAllBytes(DIR.resolve(name)));
            var report = new BundleVerifier(keys).verify(bundle);
            assertThat(report.findings()).as(name).isEmpty();
            assertThat(report.verified()).isTrue();
        }
    }

    private static List<Hash> hashes(JsonNode proof) {
        var hashes = new ArrayList<Hash>();
        proof.get("hashes").forEach(h -> hashes.add(Hash.fromHex(h.asText())));
        return hashes;
    }
}
