package io.meridian.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CheckpointTest {
    private static final String ROOT = "6Ak3zqVmvDY5mHRz3hMzOfOb6v8uafbsqtnSlAcXjo4=";

    @Test
    void parsesAndFormatsTheC2spForm() throws Exception {
        var checkpoint = Checkpoint.parse("example.com/log\n42\n" + ROOT + "\n");
        assertThat(checkpoint.origin()).isEqualTo("example.com/log");
        assertThat(checkpoint.size()).isEqualTo(42);
        assertThat(checkpoint.root().base64()).isEqualTo(ROOT);
        assertThat(checkpoint.format()).isEqualTo("example.com/log\n42\n" + ROOT + "\n");
        var withExtension = Checkpoint.parse("example.com/log\n0\n" + ROOT + "\nextension\n");
        assertThat(withExtension.extensions()).containsExactly("extension");
        assertThat(withExtension.format()).endsWith("\nextension\n");
        assertThat(Checkpoint.parse("o\n9223372036854775807\n" + ROOT + "\n").size()).isEqualTo(Long.MAX_VALUE);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("no final newline", "o\n1\n" + ROOT),
                Arguments.of("missing root", "o\n1\n"),
                Arguments.of("empty origin", "\n1\n" + ROOT + "\n"),
                Arguments.of("leading zero", "o\n007\n" + ROOT + "\n"),
                Arguments.of("plus sign", "o\n+7\n" + ROOT + "\n"),
                Arguments.of("negative", "o\n-7\n" + ROOT + "\n"),
                Arguments.of("space", "o\n 7\n" + ROOT + "\n"),
                Arguments.of("2^63", "o\n9223372036854775808\n" + ROOT + "\n"),
                Arguments.of("absurd size", "o\n" + "9".repeat(400) + "\n" + ROOT + "\n"),
                Arguments.of("short root", "o\n1\nAAAA\n"),
                Arguments.of("root of 33 bytes", "o\n1\n" + StrictBase64.encode(new byte[33]) + "\n"),
                Arguments.of("root without padding", "o\n1\n" + ROOT.replace("=", "") + "\n"),
                Arguments.of("empty extension line", "o\n1\n" + ROOT + "\n\n"),
                Arguments.of("origin over 255 bytes", "o".repeat(256) + "\n1\n" + ROOT + "\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesInvalidCheckpoints(String description, String text) {
        assertThatThrownBy(() -> Checkpoint.parse(text)).as(description).isInstanceOf(AuditFormatException.class);
    }

    @Test
    void signedCheckpointVerifiesOnlyWithItsKey() throws Exception {
        var tree = TestLog.tree(TestLog.entries(TestLog.ORIGIN, 5, 1));
        var note = SignedNote.parse(TestLog.checkpoint(tree, 5));
        assertThat(note.verify(TestLog.trusted().checkpointKeys())).hasSize(1);
        assertThat(Checkpoint.parse(note.text()).root()).isEqualTo(tree.root());
        var other = NoteKey.of("someone-else", TestLog.key("x").publicKey());
        assertThatThrownBy(() -> note.verify(List.of(other))).isInstanceOf(NoteVerificationException.class);
    }
}
