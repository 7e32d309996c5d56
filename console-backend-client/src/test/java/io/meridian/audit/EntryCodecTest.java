package io.meridian.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntryCodecTest {
    private static final AuditEntry ENTRY = new AuditEntry("log.example/a", 7, "q-1", "service:x", AuditAction
            .FAILOVER_DECIDED, TriggerKind.PERSON, "alice", "eu-west-1", 1_700_000_000_000_000L, Outcome.SUCCEEDED,
            "", Hash.ZERO, "eu-west-1/2026-11");

    /** Offsets in the encoding of ENTRY, spelled out from docs/audit-format.md section 1.2. */
    private static final int ORIGIN_LENGTH = 1;
    private static final int SEQUENCE = ORIGIN_LENGTH + 2 + 13;
    private static final int QUERY_ID_LENGTH = SEQUENCE + 8;
    private static final int ACTOR_LENGTH = QUERY_ID_LENGTH + 2 + 3;
    private static final int ACTION = ACTOR_LENGTH + 2 + 9;
    private static final int TRIGGER = ACTION + 1;
    private static final int TRIGGER_BY_LENGTH = TRIGGER + 1;
    private static final int REGION_LENGTH = TRIGGER_BY_LENGTH + 2 + 5;
    private static final int TIME = REGION_LENGTH + 2 + 9;
    private static final int OUTCOME = TIME + 8;

    private static byte[] encoded() throws AuditFormatException {
        return EntryCodec.sign(ENTRY, TestLog.key("codec")).bytes();
    }

    @Test
    void roundTripsAndLaysOutFieldsAsDocumented() throws Exception {
        byte[] bytes = encoded();
        var decoded = EntryCodec.decode(bytes);
        assertThat(decoded.entry()).isEqualTo(ENTRY);
        assertThat(decoded.bytes()).isEqualTo(bytes);
        assertThat(bytes[0]).isEqualTo((byte) 1);
        assertThat(ByteBuffer.wrap(bytes, SEQUENCE, 8).getLong()).isEqualTo(7);
        assertThat(bytes[ACTION]).isEqualTo((byte) 3);
        assertThat(bytes[TRIGGER]).isEqualTo((byte) 2);
        assertThat(ByteBuffer.wrap(bytes, TIME, 8).getLong()).isEqualTo(1_700_000_000_000_000L);
        assertThat(bytes[OUTCOME]).isEqualTo((byte) 1);
        assertThat(decoded.signedBodyLength()).isEqualTo(bytes.length - 64);
        assertThat(decoded.signatureVerifies(TestLog.key("codec").publicKey())).isTrue();
        assertThat(decoded.signatureVerifies(TestLog.key("other").publicKey())).isFalse();
    }

    @Test
    void roundTripsRandomEntries() throws Exception {
        var random = new Random(42);
        Hash previous = Hash.ZERO;
        for (int i = 0; i < 200; i++) {
            var entry = TestLog.entry("log.example/ü", i, previous, random);
            var signed = TestLog.sign(entry);
            assertThat(EntryCodec.decode(signed.bytes()).entry()).isEqualTo(entry);
            previous = signed.leafHash();
        }
    }

    static Stream<Arguments> invalidEncodings() {
        return Stream.of(
                row("empty", b -> new byte[0]),
                row("unknown version", b -> set(b, 0, 2)),
                row("truncated in the middle", b -> Arrays.copyOf(b, 40)),
                row("signature one byte short", b -> Arrays.copyOf(b, b.length - 1)),
                row("a byte after the signature", b -> Arrays.copyOf(b, b.length + 1)),
                row("origin length zero", b -> set(set(b, ORIGIN_LENGTH, 0), ORIGIN_LENGTH + 1, 0)),
                row("origin length past the end", b -> set(set(b, ORIGIN_LENGTH, 0xFF), ORIGIN_LENGTH + 1, 0xFF)),
                row("sequence of 2^63 or more", b -> set(b, SEQUENCE, 0x80)),
                row("query id with a control character", b -> set(b, QUERY_ID_LENGTH + 2, 0x07)),
                row("query id with DEL", b -> set(b, QUERY_ID_LENGTH + 2, 0x7F)),
                row("query id not UTF-8 (lone continuation byte)", b -> set(b, QUERY_ID_LENGTH + 2, 0x80)),
                row("query id overlong UTF-8", b -> set(set(b, QUERY_ID_LENGTH + 2, 0xC0), QUERY_ID_LENGTH + 3, 0xAD)),
                row("query id with a UTF-8 surrogate", b -> replace(b, QUERY_ID_LENGTH + 2, 0xED, 0xA0, 0x80)),
                row("action code 0", b -> set(b, ACTION, 0)),
                row("action code 7", b -> set(b, ACTION, 7)),
                row("trigger code 3", b -> set(b, TRIGGER, 3)),
                row("automatic trigger with a name", b -> set(b, TRIGGER, 1)),
                row("time of 2^62", b -> set(b, TIME, 0x40)),
                row("outcome code 9", b -> set(b, OUTCOME, 9)),
                row("more than 4096 bytes", b -> new byte[4097]));
    }

    private static Arguments row(String description, UnaryOperator<byte[]> mutation) {
        return Arguments.of(description, mutation);
    }

    private static byte[] set(byte[] bytes, int offset, int value) {
        byte[] copy = bytes.clone();
        copy[offset] = (byte) value;
        return copy;
    }

    private static byte[] replace(byte[] bytes, int offset, int... values) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < values.length; i++) {
            copy[offset + i] = (byte) values[i];
        }
        return copy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEncodings")
    void refusesInvalidEncodings(String description, UnaryOperator<byte[]> mutation) throws Exception {
        byte[] bad = mutation.apply(encoded());
        assertThatThrownBy(() -> EntryCodec.decode(bad)).as(description).isInstanceOf(AuditFormatException.class);
    }

    @Test
    void refusesToEncodeEntriesOutsideTheRules() {
        var noQueryId = new AuditEntry("o", 0, "", "a", AuditAction.QUERY_EXECUTED, TriggerKind.AUTOMATIC, "", "r",
                0, Outcome.SUCCEEDED, "", Hash.ZERO, "k");
        var namedAutomatic = new AuditEntry("o", 0, "q", "a", AuditAction.QUERY_EXECUTED, TriggerKind.AUTOMATIC,
                "bob", "r", 0, Outcome.SUCCEEDED, "", Hash.ZERO, "k");
        var negativeTime = new AuditEntry("o", 0, "q", "a", AuditAction.QUERY_EXECUTED, TriggerKind.AUTOMATIC, "",
                "r", -1, Outcome.SUCCEEDED, "", Hash.ZERO, "k");
        var newline = new AuditEntry("o", 0, "q\n", "a", AuditAction.QUERY_EXECUTED, TriggerKind.AUTOMATIC, "", "r",
                0, Outcome.SUCCEEDED, "", Hash.ZERO, "k");
        var loneSurrogate = new AuditEntry("o", 0, "q\uD800", "a", AuditAction.QUERY_EXECUTED, TriggerKind.AUTOMATIC,
                "", "r", 0, Outcome.SUCCEEDED, "", Hash.ZERO, "k");
        for (var entry : new AuditEntry[] {noQueryId, namedAutomatic, negativeTime, newline, loneSurrogate}) {
            assertThatThrownBy(() -> EntryCodec.signedBody(entry)).isInstanceOf(AuditFormatException.class);
        }
    }

    @Test
    void errorsNameTheFieldAndOffset() throws Exception {
        byte[] bad = set(encoded(), ACTION, 99);
        assertThatThrownBy(() -> EntryCodec.decode(bad)).isInstanceOfSatisfying(AuditFormatException.class, e -> {
            assertThat(e.element()).isEqualTo("entry field action");
            assertThat(e.offset()).isEqualTo(ACTION);
        });
    }
}
