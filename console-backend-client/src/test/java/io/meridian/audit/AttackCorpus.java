package io.meridian.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Generates the attack corpus: tampered evidence bundles, each with the tamper class a verifier must name. The honest
 * log has 16 entries; the attacker is sometimes an outsider (no keys), sometimes a compromised region signer or a
 * malicious log operator holding the checkpoint key, as each attack says.
 */
final class AttackCorpus {
    static final int SIZE = 16;
    static final long SEED = 6;

    /** One file of the corpus and the class its verification must report. */
    record Attack(String file, TamperClass expected, String description, byte[] content) {
    }

    private final List<SignedEntry> log = TestLog.entries(TestLog.ORIGIN, SIZE, SEED);
    private final MerkleTree tree = TestLog.tree(log);
    private final EvidenceBundle complete = TestLog.complete(log);
    private final EvidenceBundle range = TestLog.range(log, 4, 10, 8, SIZE);
    private final List<Attack> attacks = new ArrayList<>();

    static Map<String, byte[]> files() throws Exception {
        var corpus = new AttackCorpus();
        corpus.build();
        var files = new LinkedHashMap<String, byte[]>();
        files.put("trusted-keys.txt", TestLog.trusted().format().getBytes(StandardCharsets.UTF_8));
        files.put("valid-complete.json", BundleCodec.write(corpus.complete));
        files.put("valid-range.json", BundleCodec.write(corpus.range));
        var manifest = new StringBuilder("# file\texpected class\tattack\n");
        for (var attack : corpus.attacks) {
            files.put(attack.file(), attack.content());
            manifest.append(attack.file()).append('\t').append(attack.expected()).append('\t')
                    .append(attack.description()).append('\n');
        }
        files.put("manifest.tsv", manifest.toString().getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private void add(String name, TamperClass expected, String description, EvidenceBundle bundle) {
        add(name, expected, description, BundleCodec.write(bundle));
    }

    private void add(String name, TamperClass expected, String description, byte[] content) {
        attacks.add(new Attack(String.format("%02d-%s.json", attacks.size() + 1, name), expected, description,
                content));
    }

    private void add(String name, TamperClass expected, String description, String content) {
        add(name, expected, description, content.getBytes(StandardCharsets.UTF_8));
    }

    private void build() throws Exception {
        entryAttacks();
        orderAttacks();
        checkpointAttacks();
        proofAttacks();
        malformedInputs();
    }

    private void entryAttacks() throws Exception {
        var changed = entries();
        changed.set(5, withActor(log.get(5), "service:someone-else"));
        add("changed-field", TamperClass.ENTRY_SIGNATURE_INVALID,
                "outsider changes the actor of entry 5, keeping its signature", completeWith(changed));

        var changedInRange = new ArrayList<>(range.entries());
        changedInRange.set(2, withActor(log.get(6), "service:someone-else"));
        add("changed-field-in-range", TamperClass.INCLUSION_PROOF_INVALID,
                "outsider changes entry 6 of a range bundle; its inclusion proof no longer holds", rangeWith(
                        changedInRange, range.inclusionProofs()));

        var badSignature = entries();
        badSignature.set(3, flipLastByte(log.get(3).bytes()));
        add("bad-entry-signature", TamperClass.ENTRY_SIGNATURE_INVALID, "a bit of entry 3's signature flipped",
                completeWith(badSignature));

        var unknownKey = entries();
        var e3 = log.get(3).entry();
        unknownKey.set(3, EntryCodec.sign(withKeyId(e3, e3.region() + "/rogue"), TestLog.key("rogue")).bytes());
        add("unknown-key", TamperClass.ENTRY_UNKNOWN_KEY, "entry 3 re-signed by a key the auditor does not trust",
                completeWith(unknownKey));

        var wrongRegion = entries();
        var e4 = log.get(4).entry();
        String otherRegion = TestLog.REGIONS.stream().filter(r -> !r.equals(e4.region())).findFirst().orElseThrow();
        wrongRegion.set(4, TestLog.sign(withKeyId(e4, TestLog.keyId(otherRegion))).bytes());
        add("wrong-region-key", TamperClass.ENTRY_WRONG_REGION_KEY,
                "entry 4 signed by another region's trusted signer", completeWith(wrongRegion));

        var replayed = entries();
        var e5 = log.get(5).entry();
        replayed.set(5, TestLog.sign(new AuditEntry("meridian.example/audit/other", 5, e5.queryId(), e5.actor(),
                e5.action(), e5.trigger(), e5.triggeredBy(), e5.region(), e5.timeMicros(), e5.outcome(),
                e5.outcomeDetail(), e5.previousHash(), e5.signerKeyId())).bytes());
        add("replayed-from-other-origin", TamperClass.ENTRY_FOREIGN_ORIGIN,
                "entry 5 replaced by a validly signed entry of another log", completeWith(replayed));

        var duplicate = resignedFrom(9, e -> new AuditEntry(e.origin(), e.sequence(), log.get(2).entry().queryId(),
                e.actor(), e.action(), e.trigger(), e.triggeredBy(), e.region(), e.timeMicros(), e.outcome(),
                e.outcomeDetail(), e.previousHash(), e.signerKeyId()));
        add("duplicated-query-id", TamperClass.DUPLICATE_QUERY_ID,
                "compromised region signer reuses entry 2's query id on entry 9", completeWith(duplicate));

        var malformed = entries();
        malformed.set(7, Arrays.copyOf(log.get(7).bytes(), 50));
        add("malformed-entry", TamperClass.ENTRY_MALFORMED, "entry 7 cut to 50 bytes", completeWith(malformed));
    }

    private void orderAttacks() throws Exception {
        var deleted = entries();
        deleted.remove(7);
        add("deleted-entry", TamperClass.ENTRY_MISSING, "entry 7 removed", completeWith(deleted));

        var inserted = new ArrayList<>(entries().subList(0, 8));
        var forged = log.get(8).entry();
        inserted.add(TestLog.sign(new AuditEntry(forged.origin(), 8, "q-forged", forged.actor(), forged.action(),
                forged.trigger(), forged.triggeredBy(), forged.region(), forged.timeMicros(), forged.outcome(),
                forged.outcomeDetail(), forged.previousHash(), forged.signerKeyId())).bytes());
        inserted.addAll(entries().subList(8, SIZE));
        add("inserted-entry", TamperClass.ENTRY_INSERTED,
                "compromised region signer inserts a well-chained entry before entry 8", completeWith(inserted));

        var reordered = entries();
        java.util.Collections.swap(reordered, 4, 5);
        add("reordered-pair", TamperClass.ENTRIES_REORDERED, "entries 4 and 5 swapped", completeWith(reordered));

        var broken = resignedFrom(6, e -> new AuditEntry(e.origin(), e.sequence(), e.queryId(), e.actor(),
                e.action(), e.trigger(), e.triggeredBy(), e.region(), e.timeMicros(), e.outcome(), e.outcomeDetail(),
                log.get(3).leafHash(), e.signerKeyId()));
        add("broken-prev-hash", TamperClass.CHAIN_BROKEN,
                "compromised region signer re-signs entry 6 pointing at entry 3", completeWith(broken));

        add("truncated-as-complete", TamperClass.LOG_TRUNCATED,
                "the last four entries dropped, still marked complete", completeWith(entries().subList(0, SIZE - 4)));

        add("extended-beyond-checkpoint", TamperClass.LOG_EXTENDED,
                "a complete log of 16 entries against a checkpoint of 12",
                new EvidenceBundle(TestLog.ORIGIN, List.of(TestLog.checkpoint(tree, 12)), List.of(), 0, true,
                        entries(), Map.of(), complete.checkpointKeys(), complete.regionKeys()));
    }

    private void checkpointAttacks() {
        var rollback = new ArrayList<>(range.checkpoints());
        rollback.add(TestLog.checkpoint(tree, 12));
        add("rollback", TamperClass.ROLLBACK, "after the checkpoint of 16 the log presents an older one of 12",
                new EvidenceBundle(TestLog.ORIGIN, rollback, range.consistencyProofs(), range.first(), false,
                        range.entries(), proofsAgainst(12), range.checkpointKeys(), range.regionKeys()));

        var other = TestLog.tree(TestLog.entries(TestLog.ORIGIN, SIZE, SEED + 1));
        var fork = List.of(TestLog.checkpoint(tree, SIZE), TestLog.checkpoint(other, SIZE));
        add("fork", TamperClass.FORK, "the log operator signs two different trees of size 16",
                new EvidenceBundle(TestLog.ORIGIN, fork, List.of(), 0, true, entries(), Map.of(),
                        complete.checkpointKeys(), complete.regionKeys()));

        var rootMismatch = TestLog.checkpoint(other, SIZE);
        add("root-mismatch", TamperClass.ROOT_MISMATCH,
                "the log operator signs another root for the same size; the entries do not hash to it",
                withCheckpoints(complete, List.of(rootMismatch)));

        String honest = TestLog.checkpoint(tree, SIZE);
        var impostor = new NoteSigner(TestLog.logSigner().key(), TestLog.key("impostor"));
        add("checkpoint-wrong-key", TamperClass.CHECKPOINT_SIGNATURE_INVALID,
                "checkpoint signed by another key under the trusted name and key hash",
                withCheckpoints(complete, List.of(SignedNote.sign(new Checkpoint(TestLog.ORIGIN, SIZE, tree.root())
                        .format(), List.of(impostor)).format())));

        add("checkpoint-wrong-key-hash", TamperClass.CHECKPOINT_KEY_HASH_MISMATCH,
                "the key hash bytes of the checkpoint signature changed", withCheckpoints(complete,
                        List.of(replaceSignatureBytes(honest, 0))));

        add("checkpoint-unknown-key", TamperClass.CHECKPOINT_UNKNOWN_KEY, "checkpoint signed only by an unknown log",
                withCheckpoints(complete, List.of(TestLog.checkpoint(TestLog.ORIGIN, SIZE, tree.root(),
                        NoteSigner.of("evil.example/log", TestLog.key("evil"))))));

        add("changed-tree-size", TamperClass.CHECKPOINT_SIGNATURE_INVALID,
                "checkpoint size changed from 16 to 12 under the old signature",
                withCheckpoints(complete, List.of(honest.replaceFirst("\n16\n", "\n12\n"))));

        add("changed-root", TamperClass.CHECKPOINT_SIGNATURE_INVALID, "checkpoint root replaced under the old signature",
                withCheckpoints(complete, List.of(honest.replace(tree.root().base64(), other.root().base64()))));

        add("checkpoint-wrong-origin", TamperClass.CHECKPOINT_WRONG_ORIGIN,
                "a checkpoint of another log signed with the trusted key", withCheckpoints(complete, List.of(
                        TestLog.checkpoint("meridian.example/audit/other", SIZE, tree.root(), TestLog.logSigner()))));

        add("checkpoint-malformed", TamperClass.CHECKPOINT_MALFORMED, "checkpoint without its blank line",
                withCheckpoints(complete, List.of(honest.replace("\n\n", "\n"))));

        add("absurd-tree-size", TamperClass.CHECKPOINT_MALFORMED, "a signed checkpoint of size 10^30",
                withCheckpoints(complete, List.of(SignedNote.sign(TestLog.ORIGIN + "\n1" + "0".repeat(30) + "\n"
                        + tree.root().base64() + "\n", List.of(TestLog.logSigner())).format())));

        add("largest-tree-size", TamperClass.LOG_TRUNCATED,
                "a signed checkpoint of size 2^63-1 against a complete log of 16 entries", withCheckpoints(complete,
                        List.of(TestLog.checkpoint(TestLog.ORIGIN, Long.MAX_VALUE, tree.root(), TestLog.logSigner()))));
    }

    private void proofAttacks() {
        var flipped = new TreeMap<>(range.inclusionProofs());
        var proof = new ArrayList<>(flipped.get(5L));
        proof.set(1, flip(proof.get(1)));
        flipped.put(5L, proof);
        add("bad-inclusion-proof", TamperClass.INCLUSION_PROOF_INVALID, "one bit of entry 5's inclusion proof flipped",
                rangeWith(range.entries(), flipped));

        var longer = new TreeMap<>(range.inclusionProofs());
        var extended = new ArrayList<>(longer.get(6L));
        extended.add(tree.root());
        longer.put(6L, extended);
        add("inclusion-proof-wrong-length", TamperClass.INCLUSION_PROOF_INVALID,
                "entry 6's inclusion proof has one hash too many", rangeWith(range.entries(), longer));

        var missing = new TreeMap<>(range.inclusionProofs());
        missing.remove(7L);
        add("missing-inclusion-proof", TamperClass.INCLUSION_PROOF_MISSING, "entry 7 comes without its proof",
                rangeWith(range.entries(), missing));

        var consistency = range.consistencyProofs().getFirst();
        var badHashes = new ArrayList<>(consistency.hashes());
        badHashes.set(0, flip(badHashes.getFirst()));
        add("bad-consistency-proof", TamperClass.CONSISTENCY_PROOF_INVALID,
                "one bit of the consistency proof from 8 to 16 flipped", withConsistency(List.of(
                        new ConsistencyProof(consistency.fromSize(), consistency.toSize(), badHashes))));

        add("missing-consistency-proof", TamperClass.CONSISTENCY_PROOF_MISSING,
                "checkpoints of 8 and 16 without a consistency proof", withConsistency(List.of()));
    }

    private void malformedInputs() {
        String valid = new String(BundleCodec.write(range), StandardCharsets.UTF_8);
        add("malformed-json", TamperClass.MALFORMED_INPUT, "JSON cut in the middle", valid.substring(0, 700));
        add("malformed-base64", TamperClass.MALFORMED_INPUT, "an entry item that is not base64",
                valid.replaceFirst("\"items\" : \\[ \"", "\"items\" : [ \"!!!"));
        add("malformed-base64-padding", TamperClass.MALFORMED_INPUT, "a hash without its base64 padding",
                valid.replaceFirst("=\"", "\""));
        byte[] badUtf8 = valid.getBytes(StandardCharsets.UTF_8);
        int origin = valid.indexOf("\"origin\" : \"") + "\"origin\" : \"".length();
        badUtf8[origin] = (byte) 0xC0;
        add("malformed-utf8", TamperClass.MALFORMED_INPUT, "an overlong UTF-8 byte in the origin", badUtf8);
        add("lone-surrogate", TamperClass.MALFORMED_INPUT, "a \\ud800 escape in the origin",
                valid.replaceFirst("\"origin\" : \"", "\"origin\" : \"\\\\ud800"));
        add("duplicate-member", TamperClass.MALFORMED_INPUT, "the member 'origin' twice",
                valid.replaceFirst("\"origin\" :", "\"origin\" : \"x\", \"origin\" :"));
        add("unknown-member", TamperClass.MALFORMED_INPUT, "a member the format does not define",
                valid.replaceFirst("\"origin\" :", "\"comment\" : \"trust me\", \"origin\" :"));
        add("unknown-version", TamperClass.MALFORMED_INPUT, "version 2",
                valid.replaceFirst("\"version\" : 1", "\"version\" : 2"));
        add("absurd-number", TamperClass.MALFORMED_INPUT, "a 400-digit index",
                valid.replaceFirst("\"first\" : 4", "\"first\" : 4" + "0".repeat(400)));
        add("absurd-first-index", TamperClass.MALFORMED_INPUT, "first index 2^63-1 with six items",
                valid.replaceFirst("\"first\" : 4", "\"first\" : " + Long.MAX_VALUE));
        add("fractional-number", TamperClass.MALFORMED_INPUT, "a tree size of 8.0",
                valid.replaceFirst("\"fromSize\" : 8", "\"fromSize\" : 8.0"));
        add("absurd-proof-length", TamperClass.MALFORMED_INPUT, "a consistency proof of 10,000 hashes",
                valid.replaceFirst("\"hashes\" : \\[ ", "\"hashes\" : [ "
                        + ("\"" + tree.root().base64() + "\", ").repeat(10_000)));
        add("absurd-entry-size", TamperClass.MALFORMED_INPUT, "an entry of 100,000 bytes",
                valid.replaceFirst("\"items\" : \\[ \"", "\"items\" : [ \""
                        + StrictBase64.encode(new byte[100_000]) + "\", \""));
        add("absurd-nesting", TamperClass.MALFORMED_INPUT, "arrays nested 100,000 deep",
                "{\"schema\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        add("not-an-object", TamperClass.MALFORMED_INPUT, "a JSON array instead of an object", "[1, 2, 3]");
        add("empty-file", TamperClass.MALFORMED_INPUT, "an empty file", "");
    }

    // ---- helpers ----

    private List<byte[]> entries() {
        return new ArrayList<>(TestLog.bytes(log));
    }

    private EvidenceBundle completeWith(List<byte[]> entries) {
        return new EvidenceBundle(TestLog.ORIGIN, complete.checkpoints(), List.of(), 0, true, entries, Map.of(),
                complete.checkpointKeys(), complete.regionKeys());
    }

    private EvidenceBundle rangeWith(List<byte[]> entries, Map<Long, List<Hash>> proofs) {
        return new EvidenceBundle(TestLog.ORIGIN, range.checkpoints(), range.consistencyProofs(), range.first(),
                false, entries, proofs, range.checkpointKeys(), range.regionKeys());
    }

    private EvidenceBundle withConsistency(List<ConsistencyProof> proofs) {
        return new EvidenceBundle(TestLog.ORIGIN, range.checkpoints(), proofs, range.first(), false, range.entries(),
                range.inclusionProofs(), range.checkpointKeys(), range.regionKeys());
    }

    private static EvidenceBundle withCheckpoints(EvidenceBundle bundle, List<String> checkpoints) {
        return new EvidenceBundle(bundle.origin(), checkpoints, bundle.consistencyProofs(), bundle.first(),
                bundle.complete(), bundle.entries(), bundle.inclusionProofs(), bundle.checkpointKeys(),
                bundle.regionKeys());
    }

    private Map<Long, List<Hash>> proofsAgainst(long size) {
        var proofs = new TreeMap<Long, List<Hash>>();
        for (long i = range.first(); i < range.first() + range.entries().size(); i++) {
            proofs.put(i, tree.inclusionProof(i, size));
        }
        return proofs;
    }

    /** Entries with entry {@code index} rewritten and re-signed by its region signer; later entries unchanged. */
    private List<byte[]> resignedFrom(int index, java.util.function.UnaryOperator<AuditEntry> change) {
        var entries = entries();
        entries.set(index, TestLog.sign(change.apply(log.get(index).entry())).bytes());
        return entries;
    }

    private static byte[] withActor(SignedEntry signed, String actor) throws AuditFormatException {
        var e = signed.entry();
        byte[] body = EntryCodec.signedBody(new AuditEntry(e.origin(), e.sequence(), e.queryId(), actor, e.action(),
                e.trigger(), e.triggeredBy(), e.region(), e.timeMicros(), e.outcome(), e.outcomeDetail(),
                e.previousHash(), e.signerKeyId()));
        byte[] bytes = Arrays.copyOf(body, body.length + SignedEntry.SIGNATURE_SIZE);
        System.arraycopy(signed.signature(), 0, bytes, body.length, SignedEntry.SIGNATURE_SIZE);
        return bytes;
    }

    private static AuditEntry withKeyId(AuditEntry e, String keyId) {
        return new AuditEntry(e.origin(), e.sequence(), e.queryId(), e.actor(), e.action(), e.trigger(),
                e.triggeredBy(), e.region(), e.timeMicros(), e.outcome(), e.outcomeDetail(), e.previousHash(), keyId);
    }

    private static byte[] flipLastByte(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length - 1] ^= 0x01;
        return copy;
    }

    private static Hash flip(Hash hash) {
        byte[] bytes = hash.bytes();
        bytes[7] ^= 0x10;
        return Hash.of(bytes);
    }

    /** The note with byte {@code offset} of its first signature line's decoded bytes changed. */
    private static String replaceSignatureBytes(String note, int offset) {
        int start = note.indexOf("\n\n— ") + 4;
        int space = note.indexOf(' ', start);
        int end = note.indexOf('\n', space);
        byte[] raw = java.util.Base64.getDecoder().decode(note.substring(space + 1, end));
        raw[offset] ^= 0x55;
        return note.substring(0, space + 1) + StrictBase64.encode(raw) + note.substring(end);
    }
}
