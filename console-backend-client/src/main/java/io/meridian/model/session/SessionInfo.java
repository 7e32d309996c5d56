package io.meridian.model.session;

import java.time.Instant;
import java.util.Objects;

/**
 * The answer to "who am I talking to, and who am I?". {@code demoIdentities}: the backend lets clients name a demo
 * identity without proof (a loopback demo), so the caller's identity is a claim, not an authentication.
 */
public record SessionInfo(ServerIdentity server, PlatformInfo platform, Caller caller, Instant serverTime,
                          boolean demoIdentities) {
    public SessionInfo {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(serverTime, "serverTime");
    }

    /** A session of a backend whose identities are real (or absent). */
    public SessionInfo(ServerIdentity server, PlatformInfo platform, Caller caller, Instant serverTime) {
        this(server, platform, caller, serverTime, false);
    }
}
