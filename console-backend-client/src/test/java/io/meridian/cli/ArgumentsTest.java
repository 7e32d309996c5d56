package io.meridian.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meridian.cli.Arguments.UsageException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    private static final Set<String> VALUES = Set.of("--port", "--scenario", "--seed");
    private static final Set<String> FLAGS = Set.of("--help", "--version");

    private static Arguments parse(String... args) {
        return Arguments.parse(List.of(args), VALUES, FLAGS);
    }

    @Test
    void readsValuesAndFlags() {
        var a = parse("--port", "50051", "--help", "--scenario", "sovren");
        assertThat(a.value("--port")).contains("50051");
        assertThat(a.value("--scenario")).contains("sovren");
        assertThat(a.has("--help")).isTrue();
        assertThat(a.has("--version")).isFalse();
        assertThat(a.has("--seed")).isFalse();
        assertThat(a.value("--seed")).isEmpty();
    }

    @Test
    void readsNameEqualsValue() {
        var a = parse("--port=7000", "--scenario=a=b");
        assertThat(a.value("--port")).contains("7000");
        assertThat(a.value("--scenario")).contains("a=b");
    }

    @Test
    void negativeNumberIsAValueNotAnOption() {
        assertThat(parse("--seed", "-5").longValue("--seed", 1, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(-5);
    }

    @Test
    void noArgumentsIsFine() {
        var a = parse();
        assertThat(a.has("--help")).isFalse();
        assertThat(a.value("--port")).isEmpty();
    }

    @Test
    void unknownOptionListsKnownOptions() {
        assertThatThrownBy(() -> parse("--prot", "1"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option '--prot'")
                .hasMessageContaining("--help, --port, --scenario, --seed, --version");
    }

    @Test
    void strayWordIsAnUnexpectedArgument() {
        assertThatThrownBy(() -> parse("--port", "1", "extra"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unexpected argument 'extra'")
                .hasMessageContaining("--port");
    }

    @Test
    void flagGivenAValueIsRefused() {
        assertThatThrownBy(() -> parse("--help=yes"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--help=yes");
    }

    @Test
    void missingValueAtTheEnd() {
        assertThatThrownBy(() -> parse("--port"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("option --port needs a value");
    }

    @Test
    void missingValueBeforeAnotherOption() {
        assertThatThrownBy(() -> parse("--port", "--help"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("option --port needs a value");
    }

    @Test
    void duplicateOptionIsRefused() {
        assertThatThrownBy(() -> parse("--port", "1", "--port", "2"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("option --port is given twice");
        assertThatThrownBy(() -> parse("--port=1", "--port", "1"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("option --port is given twice");
    }

    @Test
    void longValueDefaultsWhenAbsent() {
        assertThat(parse().longValue("--port", 50051, 0, 65535)).isEqualTo(50051);
    }

    @Test
    void longValueAcceptsBoundsInclusive() {
        assertThat(parse("--port", "0").longValue("--port", 50051, 0, 65535)).isZero();
        assertThat(parse("--port", "65535").longValue("--port", 50051, 0, 65535)).isEqualTo(65535);
        assertThat(parse("--port", " 42 ").longValue("--port", 50051, 0, 65535)).isEqualTo(42);
    }

    @Test
    void longValueRefusesOutOfBounds() {
        assertThatThrownBy(() -> parse("--port", "65536").longValue("--port", 50051, 0, 65535))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--port")
                .hasMessageContaining("between 0 and 65535")
                .hasMessageContaining("65536");
        assertThatThrownBy(() -> parse("--port", "-1").longValue("--port", 50051, 0, 65535))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("between 0 and 65535")
                .hasMessageContaining("-1");
    }

    @Test
    void longValueRefusesNonNumbers() {
        for (var raw : List.of("abc", "1.5", "", "99999999999999999999")) {
            assertThatThrownBy(() -> parse("--port=" + raw).longValue("--port", 50051, 0, 65535))
                    .as(raw)
                    .isInstanceOf(UsageException.class)
                    .hasMessageContaining("--port")
                    .hasMessageContaining("whole number")
                    .hasMessageContaining("'" + raw + "'");
        }
    }
}
