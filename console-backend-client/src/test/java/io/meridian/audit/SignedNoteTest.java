package io.meridian.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Signed notes, interoperating with the Go checksum database's own test vectors (golang.org/x/mod/sumdb/note). */
class SignedNoteTest {
    // From golang.org/x/mod sumdb/note note_test.go: a verifier key, its private key and a note it signed.
    private static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String PETER_SEED = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String PETER_SIG = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZ"
            + "SNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String ENOCH_SIG = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5"
            + "ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    @Test
    void readsGoVerifierKeysAndNotes() throws Exception {
        var peter = NoteKey.parse(PETER_VKEY);
        assertThat(peter.keyHash()).isEqualTo(0xc74f20a3);
        assertThat(peter.format()).isEqualTo(PETER_VKEY);
        var note = SignedNote.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(note.verify(List.of(peter))).containsExactly(peter);
        assertThat(note.verify(List.of(peter, NoteKey.parse(ENOCH_VKEY)))).hasSize(2);
        assertThat(note.format()).isEqualTo(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
    }

    @Test
    void signsByteForByteAsGo() throws Exception {
        byte[] raw = StrictBase64.decode(PETER_SEED, "seed");
        var signer = NoteSigner.of("PeterNeumann", Ed25519PrivateKey.fromSeed(Arrays.copyOfRange(raw, 1, 33)));
        assertThat(signer.key().format()).isEqualTo(PETER_VKEY);
        assertThat(SignedNote.sign(TEXT, List.of(signer)).format()).isEqualTo(TEXT + "\n" + PETER_SIG);
    }

    @Test
    void namesHowVerificationFailed() throws Exception {
        var peter = NoteKey.parse(PETER_VKEY);
        var enoch = NoteKey.parse(ENOCH_VKEY);
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + ENOCH_SIG).verify(List.of(peter)))
                .isInstanceOfSatisfying(NoteVerificationException.class,
                        e -> assertThat(e.tamperClass()).isEqualTo(TamperClass.CHECKPOINT_UNKNOWN_KEY));
        String wrongHash = PETER_SIG.replace("x08g", "xxxx");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + wrongHash).verify(List.of(peter)))
                .isInstanceOfSatisfying(NoteVerificationException.class,
                        e -> assertThat(e.tamperClass()).isEqualTo(TamperClass.CHECKPOINT_KEY_HASH_MISMATCH));
        String badSig = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(64);
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n" + badSig).verify(List.of(peter, enoch)))
                .isInstanceOfSatisfying(NoteVerificationException.class, e -> {
                    assertThat(e.tamperClass()).isEqualTo(TamperClass.CHECKPOINT_SIGNATURE_INVALID);
                    assertThat(e.keyName()).isEqualTo("PeterNeumann");
                });
        String changedText = TEXT.replace("answer", "answers");
        assertThatThrownBy(() -> SignedNote.parse(changedText + "\n" + PETER_SIG).verify(List.of(peter)))
                .isInstanceOfSatisfying(NoteVerificationException.class,
                        e -> assertThat(e.tamperClass()).isEqualTo(TamperClass.CHECKPOINT_SIGNATURE_INVALID));
    }

    static Stream<Arguments> malformedNotes() {
        return Stream.of(
                Arguments.of("no signatures", TEXT),
                Arguments.of("blank line, no signatures", TEXT + "\n"),
                Arguments.of("signature line without newline", TEXT + "\n" + PETER_SIG.strip()),
                Arguments.of("control character", "\u0001" + TEXT + "\n" + PETER_SIG),
                Arguments.of("C1 control character", "\u0085" + TEXT + "\n" + PETER_SIG),
                Arguments.of("name with a space", TEXT + "\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZ"
                        + "InNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"),
                Arguments.of("unexpected line after signatures", TEXT + "\n" + PETER_SIG + "Unexpected line.\n"),
                Arguments.of("hyphen instead of em dash", TEXT + "\n" + PETER_SIG.replace("—", "-")),
                Arguments.of("base64 without padding", TEXT + "\n" + PETER_SIG.replace("=\n", "\n")),
                Arguments.of("signature too short", TEXT + "\n— PeterNeumann AAAA\n"),
                Arguments.of("101 signatures", TEXT + "\n" + PETER_SIG.repeat(101)),
                Arguments.of("lone surrogate", "\uD800" + TEXT + "\n" + PETER_SIG),
                Arguments.of("over 1,000,000 bytes", "x".repeat(1_000_000) + "\n\n" + PETER_SIG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedNotes")
    void refusesMalformedNotes(String description, String note) {
        assertThatThrownBy(() -> SignedNote.parse(note)).as(description).isInstanceOf(AuditFormatException.class);
    }

    @Test
    void refusesMalformedUtf8Bytes() {
        byte[] bytes = (TEXT + "\n" + PETER_SIG).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        bytes[3] = (byte) 0xFF;
        assertThatThrownBy(() -> SignedNote.parse(bytes)).isInstanceOf(AuditFormatException.class);
    }

    @Test
    void refusesManglingsOfAVerifierKey() {
        for (int i = 0; i < PETER_VKEY.length(); i++) {
            char[] chars = PETER_VKEY.toCharArray();
            chars[i]++;
            String bad = new String(chars);
            assertThatThrownBy(() -> NoteKey.parse(bad)).as(bad).isInstanceOf(AuditFormatException.class);
        }
        assertThatThrownBy(() -> NoteKey.parse(PETER_VKEY.substring(1))).isInstanceOf(AuditFormatException.class);
        assertThatThrownBy(() -> NoteKey.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .as("unknown algorithm").isInstanceOf(AuditFormatException.class);
    }
}
