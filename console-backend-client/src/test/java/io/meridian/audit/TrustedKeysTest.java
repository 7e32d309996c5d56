package io.meridian.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TrustedKeysTest {
    @Test
    void roundTripsItsTextForm() throws Exception {
        var keys = TestLog.trusted();
        var parsed = TrustedKeys.parse(keys.format(), "keys.txt");
        assertThat(parsed.checkpointKeys()).isEqualTo(keys.checkpointKeys());
        assertThat(parsed.regionKey("eu-west-1/2026-11")).isEqualTo(keys.regionKey("eu-west-1/2026-11"));
        assertThat(parsed.regionKeys()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "# only a comment\n",
        "checkpoint\n",
        "checkpoint a+00000000+AAAA\n",
        "region eu-west-1 k1\n",
        "somethingelse x\n"})
    void refusesBadFiles(String content) {
        assertThatThrownBy(() -> TrustedKeys.parse(content, "keys.txt")).isInstanceOf(AuditFormatException.class)
                .hasMessageContaining("keys.txt");
    }

    @Test
    void refusesADuplicateKeyIdNamingTheLine() {
        var key = TestLog.key("a").publicKey().base64();
        String content = TestLog.trusted().format() + "region r k " + key + "\nregion r k " + key + "\n";
        assertThatThrownBy(() -> TrustedKeys.parse(content, "keys.txt")).isInstanceOf(AuditFormatException.class)
                .hasMessageContaining("line 7");
    }
}
