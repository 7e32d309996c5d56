package io.meridian.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes evidence bundles (docs/audit-format.md section 7). Reading is strict and bounded: invalid JSON or
 * UTF-8, duplicate or unknown members, wrong types, non-canonical base64 and broken limits are all refused with the
 * JSON path of the problem, so a hostile bundle costs at most its own size to reject.
 */
public final class BundleCodec {
    public static final long MAX_BUNDLE_BYTES = 1L << 30;
    public static final int MAX_ENTRIES = 10_000_000;
    public static final int MAX_CHECKPOINTS = 1_000;
    public static final int MAX_PROOF_HASHES = 63;
    public static final int MAX_STRING = 1_000_000;
    public static final int MAX_KEYS = 10_000;

    private static final ObjectMapper MAPPER = mapper();

    private BundleCodec() {
    }

    private static ObjectMapper mapper() {
        var factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(8)
                        .maxStringLength(MAX_STRING)
                        .maxNumberLength(20)
                        .maxDocumentLength(MAX_BUNDLE_BYTES)
                        .build())
                .build();
        return new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public static EvidenceBundle read(InputStream in) throws AuditFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new AuditFormatException("bundle", "not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        } catch (IOException e) {
            throw new AuditFormatException("bundle", "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new AuditFormatException("bundle", "must be a JSON object");
        }
        return fromJson(root);
    }

    public static EvidenceBundle read(byte[] json) throws AuditFormatException {
        return read(new java.io.ByteArrayInputStream(json));
    }

    private static EvidenceBundle fromJson(JsonNode root) throws AuditFormatException {
        members(root, "$", Set.of("schema", "version", "origin", "checkpoints", "consistencyProofs", "entries",
                "inclusionProofs", "keys"));
        if (!EvidenceBundle.SCHEMA.equals(text(root, "schema", "$"))) {
            throw new AuditFormatException("$.schema", "must be " + EvidenceBundle.SCHEMA);
        }
        long version = number(root, "version", "$");
        if (version != EvidenceBundle.VERSION) {
            throw new AuditFormatException("$.version", "version " + version + " is not supported (only 1)");
        }
        String origin = text(root, "origin", "$");
        if (origin.isEmpty() || origin.getBytes(StandardCharsets.UTF_8).length > EntryCodec.MAX_ORIGIN) {
            throw new AuditFormatException("$.origin", "must be 1.." + EntryCodec.MAX_ORIGIN + " bytes");
        }
        EntryCodec.checkText("$.origin", origin, -1);

        var checkpoints = new ArrayList<String>();
        var checkpointArray = array(root, "checkpoints", "$", 1, MAX_CHECKPOINTS);
        for (int i = 0; i < checkpointArray.size(); i++) {
            checkpoints.add(stringValue(checkpointArray.get(i), "$.checkpoints[" + i + "]"));
        }

        var consistency = new ArrayList<ConsistencyProof>();
        var pairs = new HashSet<List<Long>>();
        var consistencyArray = array(root, "consistencyProofs", "$", 0, MAX_CHECKPOINTS);
        for (int i = 0; i < consistencyArray.size(); i++) {
            String path = "$.consistencyProofs[" + i + "]";
            var node = object(consistencyArray.get(i), path);
            members(node, path, Set.of("fromSize", "toSize", "hashes"));
            long from = number(node, "fromSize", path);
            long to = number(node, "toSize", path);
            if (from <= 0 || from >= to) {
                throw new AuditFormatException(path, "needs 0 < fromSize < toSize, has " + from + " and " + to);
            }
            if (!pairs.add(List.of(from, to))) {
                throw new AuditFormatException(path, "a second proof from " + from + " to " + to);
            }
            consistency.add(new ConsistencyProof(from, to, hashes(node, path)));
        }

        String entriesPath = "$.entries";
        var entriesNode = object(root.get("entries"), entriesPath);
        members(entriesNode, entriesPath, Set.of("first", "complete", "items"));
        long first = number(entriesNode, "first", entriesPath);
        var completeNode = entriesNode.get("complete");
        if (completeNode == null || !completeNode.isBoolean()) {
            throw new AuditFormatException(entriesPath + ".complete", "must be true or false");
        }
        boolean complete = completeNode.booleanValue();
        if (complete && first != 0) {
            throw new AuditFormatException(entriesPath, "a complete log starts at index 0, not " + first);
        }
        var items = array(entriesNode, "items", entriesPath, 0, MAX_ENTRIES);
        if (first > Long.MAX_VALUE - items.size()) {
            throw new AuditFormatException(entriesPath + ".first", "first + number of items passes 2^63");
        }
        var entries = new ArrayList<byte[]>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String path = entriesPath + ".items[" + i + "]";
            byte[] bytes = StrictBase64.decode(stringValue(items.get(i), path), path);
            if (bytes.length > EntryCodec.MAX_ENTRY_SIZE) {
                throw new AuditFormatException(path, "entry of " + bytes.length + " bytes, more than "
                        + EntryCodec.MAX_ENTRY_SIZE);
            }
            entries.add(bytes);
        }

        var inclusion = new HashMap<Long, List<Hash>>();
        var inclusionArray = array(root, "inclusionProofs", "$", 0, MAX_ENTRIES);
        for (int i = 0; i < inclusionArray.size(); i++) {
            String path = "$.inclusionProofs[" + i + "]";
            var node = object(inclusionArray.get(i), path);
            members(node, path, Set.of("index", "hashes"));
            long index = number(node, "index", path);
            if (index < first || index - first >= entries.size()) {
                throw new AuditFormatException(path, "index " + index + " is not among the entries");
            }
            if (inclusion.put(index, hashes(node, path)) != null) {
                throw new AuditFormatException(path, "a second proof for index " + index);
            }
        }

        var keysNode = object(root.get("keys"), "$.keys");
        members(keysNode, "$.keys", Set.of("checkpoint", "regions"));
        var checkpointKeys = new ArrayList<NoteKey>();
        var checkpointKeyArray = array(keysNode, "checkpoint", "$.keys", 0, MAX_KEYS);
        for (int i = 0; i < checkpointKeyArray.size(); i++) {
            String path = "$.keys.checkpoint[" + i + "]";
            try {
                checkpointKeys.add(NoteKey.parse(stringValue(checkpointKeyArray.get(i), path)));
            } catch (AuditFormatException e) {
                throw new AuditFormatException(path, e.getMessage());
            }
        }
        var regionKeys = new ArrayList<RegionKey>();
        var regionArray = array(keysNode, "regions", "$.keys", 0, MAX_KEYS);
        for (int i = 0; i < regionArray.size(); i++) {
            String path = "$.keys.regions[" + i + "]";
            var node = object(regionArray.get(i), path);
            members(node, path, Set.of("region", "keyId", "publicKey"));
            byte[] key = StrictBase64.decode(text(node, "publicKey", path), path + ".publicKey");
            regionKeys.add(new RegionKey(text(node, "region", path), text(node, "keyId", path),
                    Ed25519PublicKey.of(key, path + ".publicKey")));
        }
        return new EvidenceBundle(origin, checkpoints, consistency, first, complete, entries, inclusion,
                checkpointKeys, regionKeys);
    }

    public static byte[] write(EvidenceBundle bundle) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", EvidenceBundle.SCHEMA);
        root.put("version", EvidenceBundle.VERSION);
        root.put("origin", bundle.origin());
        var checkpoints = root.putArray("checkpoints");
        bundle.checkpoints().forEach(checkpoints::add);
        var consistency = root.putArray("consistencyProofs");
        for (var proof : bundle.consistencyProofs()) {
            var node = consistency.addObject();
            node.put("fromSize", proof.fromSize());
            node.put("toSize", proof.toSize());
            putHashes(node, proof.hashes());
        }
        var entries = root.putObject("entries");
        entries.put("first", bundle.first());
        entries.put("complete", bundle.complete());
        var items = entries.putArray("items");
        bundle.entries().forEach(bytes -> items.add(StrictBase64.encode(bytes)));
        var inclusion = root.putArray("inclusionProofs");
        bundle.inclusionProofs().forEach((index, hashes) -> {
            var node = inclusion.addObject();
            node.put("index", index);
            putHashes(node, hashes);
        });
        var keys = root.putObject("keys");
        var checkpointKeys = keys.putArray("checkpoint");
        bundle.checkpointKeys().forEach(key -> checkpointKeys.add(key.format()));
        var regions = keys.putArray("regions");
        for (var key : bundle.regionKeys()) {
            var node = regions.addObject();
            node.put("region", key.region());
            node.put("keyId", key.keyId());
            node.put("publicKey", key.publicKey().base64());
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serialises", e);
        }
    }

    private static void putHashes(ObjectNode node, List<Hash> hashes) {
        var array = node.putArray("hashes");
        hashes.forEach(hash -> array.add(hash.base64()));
    }

    private static void members(JsonNode node, String path, Set<String> allowed) throws AuditFormatException {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new AuditFormatException(path, "unknown member '" + name + "'");
            }
        }
        for (String name : allowed) {
            if (!node.has(name)) {
                throw new AuditFormatException(path, "member '" + name + "' is missing");
            }
        }
    }

    private static ObjectNode object(JsonNode node, String path) throws AuditFormatException {
        if (node == null || !node.isObject()) {
            throw new AuditFormatException(path, "must be an object");
        }
        return (ObjectNode) node;
    }

    private static ArrayNode array(JsonNode parent, String name, String path, int min, int max)
            throws AuditFormatException {
        var node = parent.get(name);
        if (node == null || !node.isArray()) {
            throw new AuditFormatException(path + "." + name, "must be an array");
        }
        if (node.size() < min || node.size() > max) {
            throw new AuditFormatException(path + "." + name, "must have " + min + ".." + max + " elements, has "
                    + node.size());
        }
        return (ArrayNode) node;
    }

    private static String text(JsonNode parent, String name, String path) throws AuditFormatException {
        return stringValue(parent.get(name), path + "." + name);
    }

    /** A JSON string that is also valid Unicode (no lone surrogate from a \\u escape). */
    private static String stringValue(JsonNode node, String path) throws AuditFormatException {
        if (node == null || !node.isTextual()) {
            throw new AuditFormatException(path, "must be a string");
        }
        String value = node.textValue();
        try {
            StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            throw new AuditFormatException(path, "contains a lone surrogate, not valid Unicode");
        }
        return value;
    }

    private static long number(JsonNode parent, String name, String path) throws AuditFormatException {
        var node = parent.get(name);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new AuditFormatException(path + "." + name, "must be a whole number from 0 to 2^63-1");
        }
        return node.longValue();
    }

    private static List<Hash> hashes(JsonNode node, String path) throws AuditFormatException {
        var array = array(node, "hashes", path, 0, MAX_PROOF_HASHES);
        var hashes = new ArrayList<Hash>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String hashPath = path + ".hashes[" + i + "]";
            hashes.add(Hash.fromBase64(stringValue(array.get(i), hashPath), hashPath));
        }
        return hashes;
    }
}
