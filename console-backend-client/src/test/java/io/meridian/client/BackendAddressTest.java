package io.meridian.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BackendAddressTest {
    @Test
    void parsesHostAndPort() {
        var address = BackendAddress.parse("localhost:50051");
        assertThat(address.host()).isEqualTo("localhost");
        assertThat(address.port()).isEqualTo(50051);
        assertThat(address).hasToString("localhost:50051");
    }

    @Test
    void parsesBracketedIpv6() {
        var address = BackendAddress.parse("[::1]:7000");
        assertThat(address.host()).isEqualTo("::1");
        assertThat(address.port()).isEqualTo(7000);
        assertThat(address).hasToString("[::1]:7000");
        assertThat(BackendAddress.parse(address.toString())).isEqualTo(address);
    }

    @Test
    void acceptsPortBounds() {
        assertThat(BackendAddress.parse("h:1").port()).isEqualTo(1);
        assertThat(BackendAddress.parse("h:65535").port()).isEqualTo(65535);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host", "host:", ":80", "host:abc", "host:70000", "host:0", "host:-1", "[]:80"})
    void badInputIsRefusedWithAMessageNamingIt(String input) {
        assertThatThrownBy(() -> BackendAddress.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + input + "'");
    }

    @Test
    void nullIsRefusedAsEmpty() {
        assertThatThrownBy(() -> BackendAddress.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("''");
    }

    @Test
    void constructorChecksPortRange() {
        assertThatThrownBy(() -> new BackendAddress("h", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackendAddress("h", 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackendAddress(" ", 80)).isInstanceOf(IllegalArgumentException.class);
    }
}
