package io.meridian.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys an auditor pins: checkpoint keys (signed-note verifier keys) and region signer keys. Trust comes only from
 * here, never from a backend or a bundle. The text format is in docs/audit-format.md section 6.
 */
public final class TrustedKeys {
    private static final int MAX_LINES = 10_000;

    private final List<NoteKey> checkpointKeys;
    private final Map<String, RegionKey> regionKeys;

    public TrustedKeys(Collection<NoteKey> checkpointKeys, Collection<RegionKey> regionKeys) {
        this.checkpointKeys = List.copyOf(checkpointKeys);
        var byId = new LinkedHashMap<String, RegionKey>();
        for (var key : regionKeys) {
            if (byId.put(key.keyId(), key) != null) {
                throw new IllegalArgumentException("region key id " + key.keyId() + " is given twice");
            }
        }
        this.regionKeys = Map.copyOf(byId);
    }

    /**
     * Parses a trusted keys file.
     *
     * @param source names the file in error messages
     */
    public static TrustedKeys parse(String content, String source) throws AuditFormatException {
        var lines = content.split("\n", -1);
        if (lines.length > MAX_LINES) {
            throw new AuditFormatException(source, "has more than " + MAX_LINES + " lines");
        }
        var checkpoint = new ArrayList<NoteKey>();
        var regions = new LinkedHashMap<String, RegionKey>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = source + " line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var words = line.split("\\s+");
            switch (words[0]) {
                case "checkpoint" -> {
                    if (words.length != 2) {
                        throw new AuditFormatException(where, "needs 'checkpoint <verifier key>'");
                    }
                    try {
                        checkpoint.add(NoteKey.parse(words[1]));
                    } catch (AuditFormatException e) {
                        throw new AuditFormatException(where, e.getMessage());
                    }
                }
                case "region" -> {
                    if (words.length != 4) {
                        throw new AuditFormatException(where, "needs 'region <region> <key id> <base64 key>'");
                    }
                    Ed25519PublicKey key;
                    try {
                        key = Ed25519PublicKey.of(StrictBase64.decode(words[3], "key"), "key");
                    } catch (AuditFormatException e) {
                        throw new AuditFormatException(where, e.getMessage());
                    }
                    if (regions.put(words[2], new RegionKey(words[1], words[2], key)) != null) {
                        throw new AuditFormatException(where, "key id " + words[2] + " is given twice");
                    }
                }
                default -> throw new AuditFormatException(where, "starts with '" + words[0]
                        + "'; expected 'checkpoint', 'region' or '#'");
            }
        }
        if (checkpoint.isEmpty()) {
            throw new AuditFormatException(source, "has no checkpoint key");
        }
        return new TrustedKeys(checkpoint, regions.values());
    }

    /** The file text for these keys. */
    public String format() {
        var out = new StringBuilder("# Meridian trusted keys (docs/audit-format.md section 6)\n");
        for (var key : checkpointKeys) {
            out.append("checkpoint ").append(key.format()).append('\n');
        }
        for (var key : regionKeys.values().stream().sorted(java.util.Comparator.comparing(RegionKey::keyId)).toList()) {
            out.append("region ").append(key.region()).append(' ').append(key.keyId()).append(' ')
                    .append(key.publicKey().base64()).append('\n');
        }
        return out.toString();
    }

    public List<NoteKey> checkpointKeys() {
        return checkpointKeys;
    }

    /** The region key with this id, or null. */
    public RegionKey regionKey(String keyId) {
        return regionKeys.get(keyId);
    }

    public Collection<RegionKey> regionKeys() {
        return regionKeys.values();
    }
}
