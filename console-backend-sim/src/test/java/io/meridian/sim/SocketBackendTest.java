package io.meridian.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import org.junit.jupiter.api.Test;

class SocketBackendTest {
    @Test
    void portInUseIsRecognisedFromTheJdkBindException() {
        assertThat(SocketBackend.portInUse(
                new IOException("Failed to bind", new BindException("Address already in use")))).isTrue();
    }

    @Test
    void portInUseIsRecognisedFromANativeTransportException() {
        // Netty's epoll transport reports EADDRINUSE as a plain IOException subclass, not a BindException.
        var nativeError = new IOException("bind(..) failed with error(-98): Address already in use");
        assertThat(SocketBackend.portInUse(new IOException("Failed to bind to address /127.0.0.1:5",
                nativeError))).isTrue();
    }

    @Test
    void otherBindFailuresAreNotCalledPortInUse() {
        assertThat(SocketBackend.portInUse(
                new IOException("Failed to bind", new BindException("Cannot assign requested address")))).isFalse();
        assertThat(SocketBackend.portInUse(new IOException("Permission denied"))).isFalse();
        assertThat(SocketBackend.portInUse(new IOException((String) null))).isFalse();
    }
}
