package io.meridian.model.session;

import java.time.Instant;
import java.util.Objects;

/** The answer to "who am I talking to, and who am I?". */
public record SessionInfo(ServerIdentity server, PlatformInfo platform, Caller caller, Instant serverTime) {
    public SessionInfo {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(serverTime, "serverTime");
    }
}
