package io.meridian.failover;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What a decider signs: the decision's fields in one canonical byte encoding (docs/failover.md), so the console
 * that signs and the backend that verifies compute the same bytes. The identity is part of it, so a signature
 * cannot be replayed under another name, and the proposal version, so it cannot be replayed on a changed proposal.
 *
 * @param approve true to approve, false to reject
 * @param decidedAtMicros microseconds since the Unix epoch, as the decider's console saw them
 * @param overriddenChecks rules of the WARN checks the decider overrides, sorted, without duplicates
 */
public record DecisionPayload(String proposalId, long proposalVersion, boolean approve, String reason,
                              long decidedAtMicros, String requestId, List<String> overriddenChecks,
                              String identity) {
    /** Starts every payload, so that no other Meridian signature can be mistaken for a decision's. */
    public static final String DOMAIN = "meridian.v1.Decision";

    public DecisionPayload {
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestId, "requestId");
        overriddenChecks = List.copyOf(overriddenChecks);
        Objects.requireNonNull(identity, "identity");
        for (int i = 1; i < overriddenChecks.size(); i++) {
            if (overriddenChecks.get(i - 1).compareTo(overriddenChecks.get(i)) >= 0) {
                throw new IllegalArgumentException("overridden checks must be sorted and distinct: "
                        + overriddenChecks);
            }
        }
    }

    /**
     * The canonical bytes: the ASCII domain and a zero byte, then proposal id, version (u64), decision (one byte:
     * 1 approve, 2 reject), reason, decided-at (i64 microseconds), request id, the count of overridden checks (u32)
     * and each of them, and the identity. Strings are UTF-8 preceded by their byte length (u32); integers are
     * big-endian.
     */
    public byte[] bytes() {
        var buffer = new ByteArrayOutputStream(128 + reason.length() * 3);
        try (var out = new DataOutputStream(buffer)) {
            out.write(DOMAIN.getBytes(StandardCharsets.US_ASCII));
            out.writeByte(0);
            string(out, proposalId);
            out.writeLong(proposalVersion);
            out.writeByte(approve ? 1 : 2);
            string(out, reason);
            out.writeLong(decidedAtMicros);
            string(out, requestId);
            out.writeInt(overriddenChecks.size());
            for (var check : overriddenChecks) {
                string(out, check);
            }
            string(out, identity);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return buffer.toByteArray();
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
