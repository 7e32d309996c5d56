package io.meridian.benchmarks;

import io.meridian.audit.AuditAction;
import io.meridian.audit.AuditEntry;
import io.meridian.audit.AuditFormatException;
import io.meridian.audit.Ed25519PrivateKey;
import io.meridian.audit.EntryCodec;
import io.meridian.audit.Hash;
import io.meridian.audit.NoteKey;
import io.meridian.audit.Outcome;
import io.meridian.audit.RegionKey;
import io.meridian.audit.SignedEntry;
import io.meridian.audit.TriggerKind;
import io.meridian.audit.TrustedKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A realistic audit log for benchmarks: executed queries from four regions, each signed by its region's key and
 * chained, with deterministic keys and fields (seeded), so every run measures the same bytes.
 */
final class AuditFixture {
    static final String ORIGIN = "meridian.example/audit/benchmark";
    static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "ap-northeast-1", "sa-east-1");
    private static final Ed25519PrivateKey[] KEYS = REGIONS.stream().map(AuditFixture::key)
            .toArray(Ed25519PrivateKey[]::new);

    private AuditFixture() {
    }

    static Ed25519PrivateKey key(String name) {
        try {
            return Ed25519PrivateKey.fromSeed(MessageDigest.getInstance("SHA-256")
                    .digest(("meridian-benchmark-key:" + name).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static TrustedKeys trustedKeys() {
        var regionKeys = REGIONS.stream().map(r -> new RegionKey(r, r + "/bench", key(r).publicKey())).toList();
        return new TrustedKeys(List.of(NoteKey.of(ORIGIN, key("checkpoint").publicKey())), regionKeys);
    }

    /** Signs {@code count} chained entries in order and hands each one's bytes to {@code sink}. */
    static void generate(int count, long seed, Consumer<byte[]> sink) {
        var random = new Random(seed);
        Hash previous = Hash.ZERO;
        long time = 1_795_000_000_000_000L;
        for (int i = 0; i < count; i++) {
            int region = random.nextInt(REGIONS.size());
            time += random.nextInt(2_000);
            var entry = new AuditEntry(ORIGIN, i, String.format("q-%s-%016x", REGIONS.get(region), random.nextLong()),
                    "service:query-router@" + REGIONS.get(region), AuditAction.QUERY_EXECUTED, TriggerKind.AUTOMATIC,
                    "", REGIONS.get(region), time, random.nextInt(50) == 0 ? Outcome.FAILED : Outcome.SUCCEEDED,
                    "rows=" + random.nextInt(100_000) + " circuit=" + random.nextInt(4_096), previous,
                    REGIONS.get(region) + "/bench");
            SignedEntry signed;
            try {
                signed = EntryCodec.sign(entry, KEYS[region]);
            } catch (AuditFormatException e) {
                throw new IllegalStateException("the fixture builds only valid entries", e);
            }
            previous = signed.leafHash();
            sink.accept(signed.bytes());
        }
    }
}
