package io.meridian.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the golden vectors of docs/audit-format.md from fixed seeds: eight entries with their bytes and hashes,
 * the tree's roots and every proof, a signed checkpoint, two bundles and the keys. Another implementation tests itself
 * against these files.
 */
final class GoldenVectors {
    static final int SIZE = 8;
    static final long SEED = 20261125;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final HexFormat HEX = HexFormat.of();

    private GoldenVectors() {
    }

    static Map<String, byte[]> files() throws Exception {
        var entries = TestLog.entries(TestLog.ORIGIN, SIZE, SEED);
        var tree = TestLog.tree(entries);
        var files = new LinkedHashMap<String, byte[]>();
        files.put("keys.txt", utf8(TestLog.trusted().format()));
        files.put("entries.json", JSON.writeValueAsBytes(entriesJson(entries)));
        files.put("tree.json", JSON.writeValueAsBytes(treeJson(tree)));
        files.put("checkpoint.txt", utf8(TestLog.checkpoint(tree, SIZE)));
        files.put("bundle-complete.json", BundleCodec.write(TestLog.complete(entries)));
        files.put("bundle-range.json", BundleCodec.write(TestLog.range(entries, 2, 6, 6, SIZE)));
        return files;
    }

    private static ObjectNode entriesJson(List<SignedEntry> entries) throws AuditFormatException {
        var root = JSON.createObjectNode();
        root.put("keySeeds", "SHA-256(\"meridian-test-key:\" || key id), UTF-8; e.g. eu-west-1/2026-11");
        ArrayNode array = root.putArray("entries");
        for (var signed : entries) {
            var e = signed.entry();
            var node = array.addObject();
            node.put("origin", e.origin());
            node.put("sequence", e.sequence());
            node.put("queryId", e.queryId());
            node.put("actor", e.actor());
            node.put("action", e.action().code());
            node.put("triggerKind", e.trigger().code());
            node.put("triggeredBy", e.triggeredBy());
            node.put("region", e.region());
            node.put("timeMicros", e.timeMicros());
            node.put("outcome", e.outcome().code());
            node.put("outcomeDetail", e.outcomeDetail());
            node.put("previousHash", e.previousHash().hex());
            node.put("signerKeyId", e.signerKeyId());
            node.put("signedBody", HEX.formatHex(EntryCodec.signedBody(e)));
            node.put("signature", HEX.formatHex(signed.signature()));
            node.put("entryBytes", HEX.formatHex(signed.bytes()));
            node.put("leafHash", signed.leafHash().hex());
        }
        return root;
    }

    private static ObjectNode treeJson(MerkleTree tree) {
        var root = JSON.createObjectNode();
        var roots = root.putArray("roots");
        for (long n = 0; n <= tree.size(); n++) {
            roots.addObject().put("size", n).put("root", tree.root(n).hex());
        }
        var inclusion = root.putArray("inclusionProofs");
        for (long n = 1; n <= tree.size(); n++) {
            for (long m = 0; m < n; m++) {
                var node = inclusion.addObject().put("index", m).put("treeSize", n);
                var hashes = node.putArray("hashes");
                tree.inclusionProof(m, n).forEach(h -> hashes.add(h.hex()));
            }
        }
        var consistency = root.putArray("consistencyProofs");
        for (long n = 1; n <= tree.size(); n++) {
            for (long m = 1; m <= n; m++) {
                var node = consistency.addObject().put("fromSize", m).put("toSize", n);
                var hashes = node.putArray("hashes");
                tree.consistencyProof(m, n).forEach(h -> hashes.add(h.hex()));
            }
        }
        return root;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
